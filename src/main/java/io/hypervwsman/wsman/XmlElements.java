package io.hypervwsman.wsman;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Navigation over the DOM of WS-Management messages, and creation of the documents requests are built in. */
final class XmlElements {
    private XmlElements() {
    }

    /**
     * An empty document from the builder CXF keeps for its own DOM work (it reads every reply's headers and our body
     * reader's element with it), so that a one-shot command sets up the JDK's parser configuration once, not a second
     * time in {@link io.hypervwsman.xml.SafeXml}, for documents that are only built, never parsed. Everything this
     * client parses itself (embedded instances) still goes through SafeXml.
     */
    static Document newDocument() {
        return org.apache.cxf.helpers.DOMUtils.createDocument();
    }

    /** Child elements with the given local name in the given namespace (null namespace: any). */
    static List<Element> children(Element parent, String ns, String local) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && local.equals(e.getLocalName())
                    && (ns == null || ns.equals(e.getNamespaceURI()))) {
                out.add(e);
            }
        }
        return out;
    }

    /** All child elements. */
    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    static Element firstChild(Element parent, String ns, String local) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && local.equals(e.getLocalName())
                    && (ns == null || ns.equals(e.getNamespaceURI()))) {
                return e;
            }
        }
        return null;
    }

    static String text(Element e) {
        return e == null ? null : e.getTextContent().trim();
    }

    static boolean isNil(Element e) {
        String nil = e.getAttributeNS(WsManNamespace.XSI, "nil");
        return "true".equals(nil) || "1".equals(nil);
    }

    /** A new element in the given namespace with a conventional prefix. */
    static Element element(Document doc, String ns, String prefix, String local) {
        return doc.createElementNS(ns, prefix + ":" + local);
    }
}
