package io.hypervwsman.sim;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** Parsing of request envelopes with DOCTYPE refused, and navigation over the resulting DOM. */
final class SecureXml {
    private static final DocumentBuilderFactory FACTORY = secureFactory();

    private SecureXml() {
    }

    private static DocumentBuilderFactory secureFactory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        try {
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured safely", e);
        }
        f.setExpandEntityReferences(false);
        f.setXIncludeAware(false);
        return f;
    }

    /** Parses {@code bytes}; empty when they are not well-formed XML or carry a DOCTYPE. */
    static Optional<Document> parse(byte[] bytes) {
        try {
            javax.xml.parsers.DocumentBuilder builder = FACTORY.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            return Optional.of(builder.parse(new ByteArrayInputStream(bytes)));
        } catch (SAXException | IOException e) {
            return Optional.empty();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
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
