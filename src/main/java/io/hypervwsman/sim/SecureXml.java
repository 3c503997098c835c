package io.hypervwsman.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Parsing of request envelopes with DOCTYPE refused, and navigation over the resulting DOM. */
final class SecureXml {
    private SecureXml() {
    }

    /** Parses {@code bytes}; empty when they are not well-formed XML or carry a DOCTYPE. */
    static Optional<Document> parse(byte[] bytes) {
        return io.hypervwsman.xml.SafeXml.parse(bytes);
    }

    /** Child elements named {@code local} in {@code ns}. */
    static List<Element> children(Element parent, String ns, String local) {
        List<Element> out = new ArrayList<>();
        for (Element e : children(parent)) {
            if (local.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
                out.add(e);
            }
        }
        return out;
    }

    /** All child elements. */
    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    /** The first child element named {@code local} in {@code ns}. */
    static Optional<Element> child(Element parent, String ns, String local) {
        return children(parent, ns, local).stream().findFirst();
    }

    /** The trimmed text of the first such child. */
    static Optional<String> childText(Element parent, String ns, String local) {
        return child(parent, ns, local).map(e -> e.getTextContent().trim());
    }
}
