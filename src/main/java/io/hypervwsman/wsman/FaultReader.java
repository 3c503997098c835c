package io.hypervwsman.wsman;

import jakarta.xml.soap.Detail;
import jakarta.xml.soap.SOAPFault;
import org.apache.cxf.binding.soap.SoapFault;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reads the WinRM fault shape (code, subcodes, reason, f:WSManFault detail) out of a SOAP 1.2 fault. */
final class FaultReader {
    private FaultReader() {
    }

    /** From CXF's own fault object, which payload-mode Dispatch sometimes surfaces instead of SAAJ's. */
    static WsManFault read(SoapFault fault) {
        List<QName> subcodes = fault.getSubCodes() == null ? List.of() : fault.getSubCodes();
        Element detail = fault.getDetail();
        return withDetail(fault.getFaultCode(), subcodes, fault.getReason(), detail);
    }

    static WsManFault read(SOAPFault fault) {
        QName code = fault.getFaultCodeAsQName();
        List<QName> subcodes = new ArrayList<>();
        try {
            Iterator<QName> it = fault.getFaultSubcodes();
            while (it.hasNext()) {
                subcodes.add(it.next());
            }
        } catch (UnsupportedOperationException e) {
            // SOAP 1.1 faults have no subcodes.
        }
        Detail detail = fault.getDetail();
        return withDetail(code, subcodes, fault.getFaultString(), detail);
    }

    private static WsManFault withDetail(QName code, List<QName> subcodes, String reason, Element detail) {
        Long wsmanCode = null;
        String machine = null;
        String message = null;
        Long providerError = null;
        Element wsmanFault = detail == null ? null : firstDescendant(detail, "WSManFault");
        if (wsmanFault != null) {
            wsmanCode = parseCode(wsmanFault.getAttribute("Code"));
            machine = emptyToNull(wsmanFault.getAttribute("Machine"));
            Element msg = XmlElements.firstChild(wsmanFault, WsManNamespace.FAULT, "Message");
            message = msg == null ? null : emptyToNull(msg.getTextContent().replaceAll("\\s+", " ").trim());
            Element provider = firstDescendant(wsmanFault, "ProviderFault");
            if (provider != null) {
                Element inner = firstDescendant(provider, "WSManFault");
                providerError = inner == null ? null : parseCode(inner.getAttribute("Code"));
            }
        }
        return new WsManFault(code == null ? new QName(WsManNamespace.SOAP12, "Receiver") : code, subcodes,
                reason == null ? "" : reason.trim(), wsmanCode, machine, message, providerError);
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
        return s == null || s.isEmpty() ? null : s;
    }
}
