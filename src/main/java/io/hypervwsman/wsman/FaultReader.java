package io.hypervwsman.wsman;

import org.apache.cxf.binding.soap.SoapFault;
import java.util.List;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads the WinRM fault shape (code, subcodes, reason, f:WSManFault detail) out of a SOAP 1.2 fault.
 *
 * <p>The message is the text of {@code f:WSManFault/f:Message} itself. A WMI provider's fault nests elements in
 * that message ({@code f:ProviderFault} with an inner {@code f:WSManFault} and an {@code f:ExtendedError} holding
 * an {@code __ExtendedStatus}); their text is never glued into the message but read into {@link ProviderFault}
 * fields. When the outer message holds nothing but the provider fault, the inner fault's message is the message.
 */
final class FaultReader {
    private FaultReader() {
    }

    /** From the fault CXF's SOAP 1.2 binding read out of the host's envelope. */
    static WsManFault read(SoapFault fault) {
        List<QName> subcodes = fault.getSubCodes() == null ? List.of() : fault.getSubCodes();
        return withDetail(fault.getFaultCode(), subcodes, fault.getReason(), fault.getDetail());
    }

    private static WsManFault withDetail(QName code, List<QName> subcodes, String reason, Element detail) {
        Long wsmanCode = null;
        String machine = null;
        String message = null;
        Element providerFault = null;
        Element wsmanFault = detail == null ? null : firstDescendant(detail, "WSManFault");
        if (wsmanFault != null) {
            wsmanCode = parseCode(wsmanFault.getAttribute("Code"));
            machine = emptyToNull(wsmanFault.getAttribute("Machine"));
            Element msg = XmlElements.firstChild(wsmanFault, WsManNamespace.FAULT, "Message");
            message = ownText(msg);
            providerFault = XmlElements.firstChild(msg, WsManNamespace.FAULT, "ProviderFault");
        }
        ProviderFault provider = provider(providerFault, detail == null ? null : firstByLocalName(detail,
                "MSFT_WmiError"));
        if (message == null && provider != null) {
            message = provider.message();
        }
        return new WsManFault(code == null ? new QName(WsManNamespace.SOAP12, "Receiver") : code, subcodes,
                reason == null ? "" : oneLine(reason), wsmanCode, machine, message,
                provider == null ? null : provider.code(), provider);
    }

    /**
     * The provider's details. The inner f:WSManFault gives code, machine and message (without one, the
     * f:ProviderFault's own text is the message, as the Shell cmd plugin sends it); f:ExtendedError holds an
     * __ExtendedStatus (or subclass) or an MSFT_WmiError instance; an MSFT_WmiError may also stand in s:Detail.
     */
    private static ProviderFault provider(Element providerFault, Element wmiErrorInDetail) {
        if (providerFault == null && wmiErrorInDetail == null) {
            return null;
        }
        Element inner = XmlElements.firstChild(providerFault, WsManNamespace.FAULT, "WSManFault");
        Element extendedError = XmlElements.firstChild(providerFault, WsManNamespace.FAULT, "ExtendedError");
        Element extended = extendedError == null ? null
                : XmlElements.children(extendedError).stream().findFirst().orElse(null);
        Element wmiError = wmiErrorInDetail;
        Element status = null;
        if (extended != null && "MSFT_WmiError".equals(extended.getLocalName())) {
            wmiError = extended;
        } else {
            status = extended;
        }
        return new ProviderFault(
                providerFault == null ? null : emptyToNull(providerFault.getAttribute("provider")),
                providerFault == null ? null : emptyToNull(providerFault.getAttribute("path")),
                inner == null ? null : parseCode(inner.getAttribute("Code")),
                inner == null ? null : emptyToNull(inner.getAttribute("Machine")),
                inner == null ? ownText(providerFault)
                        : ownText(XmlElements.firstChild(inner, WsManNamespace.FAULT, "Message")),
                property(status, "Operation"), property(status, "ParameterInfo"), property(status, "ProviderName"),
                parseCode(property(status, "StatusCode")),
                parseCode(property(wmiError, "error_Code")), parseCode(property(wmiError, "error_Category")),
                property(wmiError, "Message"), parseCode(property(wmiError, "CIMStatusCode")));
    }

    /** A CIM property of an embedded instance by local name; null when absent or xsi:nil. */
    private static String property(Element instance, String local) {
        Element p = XmlElements.firstChild(instance, null, local);
        return p == null || XmlElements.isNil(p) ? null : emptyToNull(oneLine(p.getTextContent()));
    }

    /** The element's own text (not that of the elements nested in it), on one line; null when blank. */
    private static String ownText(Element e) {
        if (e == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                sb.append(n.getNodeValue()).append(' ');
            }
        }
        return emptyToNull(oneLine(sb.toString()));
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    private static Element firstByLocalName(Element root, String local) {
        NodeList nodes = root.getElementsByTagNameNS("*", local);
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }

    private static Element firstDescendant(Element root, String local) {
        NodeList nodes = root.getElementsByTagNameNS(WsManNamespace.FAULT, local);
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }

    private static Long parseCode(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
