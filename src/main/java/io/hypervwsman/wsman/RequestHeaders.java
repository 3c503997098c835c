package io.hypervwsman.wsman;

import io.hypervwsman.transport.ConnectionOptions;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The SOAP header of one request, in the order and with the mustUnderstand flags Windows expects
 * (To, ResourceURI, ReplyTo, Action, MaxEnvelopeSize, MessageID, Locale, DataLocale, SelectorSet,
 * OperationTimeout).
 */
final class RequestHeaders {
    private RequestHeaders() {
    }

    /** Header elements addressing a class or instance by resource URI and selectors. */
    static List<Element> build(ConnectionOptions options, String action, String messageId, String resourceUri,
                               SelectorSet selectors) {
        Document doc = XmlElements.newDocument();
        Element uri = XmlElements.element(doc, WsManNamespace.WSMAN, "w", "ResourceURI");
        uri.setTextContent(resourceUri);
        Element set = selectors.isEmpty() ? null : selectorSetElement(doc, selectors);
        return assemble(doc, options, action, messageId, uri, set, List.of());
    }

    /** Header elements addressing an instance through a reference received from the host, verbatim. */
    static List<Element> build(ConnectionOptions options, String action, String messageId, EndpointReference target) {
        Document doc = XmlElements.newDocument();
        Element uri = null;
        Element set = null;
        List<Element> others = new ArrayList<>();
        for (Element e : XmlElements.children(target.referenceParameters())) {
            Element copy = (Element) doc.importNode(e, true);
            if (WsManNamespace.WSMAN.equals(e.getNamespaceURI()) && "ResourceURI".equals(e.getLocalName())) {
                uri = copy;
            } else if (WsManNamespace.WSMAN.equals(e.getNamespaceURI()) && "SelectorSet".equals(e.getLocalName())) {
                set = copy;
            } else {
                others.add(copy);
            }
        }
        return assemble(doc, options, action, messageId, uri, set, others);
    }

    private static List<Element> assemble(Document doc, ConnectionOptions options, String action, String messageId,
                                          Element resourceUri, Element selectorSet, List<Element> otherRefParams) {
        List<Element> h = new ArrayList<>(10);
        h.add(text(doc, WsManNamespace.ADDRESSING, "a", "To", toAddress(options.endpoint())));
        resourceUri.setAttributeNS(WsManNamespace.SOAP12, "s:mustUnderstand", "true");
        h.add(resourceUri);
        Element replyTo = XmlElements.element(doc, WsManNamespace.ADDRESSING, "a", "ReplyTo");
        Element address = text(doc, WsManNamespace.ADDRESSING, "a", "Address", WsManNamespace.ANONYMOUS);
        address.setAttributeNS(WsManNamespace.SOAP12, "s:mustUnderstand", "true");
        replyTo.appendChild(address);
        h.add(replyTo);
        h.add(mustUnderstand(text(doc, WsManNamespace.ADDRESSING, "a", "Action", action)));
        h.add(mustUnderstand(text(doc, WsManNamespace.WSMAN, "w", "MaxEnvelopeSize",
                Integer.toString(options.maxEnvelopeSize()))));
        h.add(text(doc, WsManNamespace.ADDRESSING, "a", "MessageID", messageId));
        options.locale().ifPresent(l -> h.add(locale(doc, WsManNamespace.WSMAN, "w", "Locale", l)));
        // DataLocale is Microsoft's extension (MS-WSMV 2.2.4.11), in its namespace as pypsrp and WinRM send it.
        options.dataLocale().ifPresent(l -> h.add(locale(doc, WsManNamespace.MS_WSMAN, "p", "DataLocale", l)));
        if (selectorSet != null) {
            h.add(selectorSet);
        }
        h.addAll(otherRefParams);
        h.add(text(doc, WsManNamespace.WSMAN, "w", "OperationTimeout", duration(options.operationTimeout())));
        return h;
    }

    static Element selectorSetElement(Document doc, SelectorSet selectors) {
        Element set = XmlElements.element(doc, WsManNamespace.WSMAN, "w", "SelectorSet");
        for (Map.Entry<String, String> s : selectors.selectors().entrySet()) {
            Element sel = XmlElements.element(doc, WsManNamespace.WSMAN, "w", "Selector");
            sel.setAttribute("Name", s.getKey());
            sel.setTextContent(s.getValue());
            set.appendChild(sel);
        }
        return set;
    }

    /** xs:duration with milliseconds, as WinRM writes it: PT60.000S. */
    static String duration(Duration d) {
        BigDecimal seconds = BigDecimal.valueOf(d.toMillis()).movePointLeft(3).setScale(3);
        return "PT" + seconds.toPlainString() + "S";
    }

    private static String toAddress(URI endpoint) {
        return endpoint.toString();
    }

    private static Element locale(Document doc, String ns, String prefix, String name, Locale l) {
        Element e = XmlElements.element(doc, ns, prefix, name);
        e.setAttributeNS(WsManNamespace.XML, "xml:lang", l.toLanguageTag());
        e.setAttributeNS(WsManNamespace.SOAP12, "s:mustUnderstand", "false");
        return e;
    }

    private static Element text(Document doc, String ns, String prefix, String local, String value) {
        Element e = XmlElements.element(doc, ns, prefix, local);
        e.setTextContent(value);
        return e;
    }

    private static Element mustUnderstand(Element e) {
        e.setAttributeNS(WsManNamespace.SOAP12, "s:mustUnderstand", "true");
        return e;
    }
}
