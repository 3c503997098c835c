package io.hypervwsman.transport.recording;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The XPaths a recorded request is matched on, in the conventions of test-fixtures/wsman: {@code local-name()} and
 * {@code namespace-uri()} steps only (any prefixes match), the Action, the ResourceURI, each header selector and
 * option, and every leaf of the body with its text and attributes; the body's element count pins absent elements
 * (an Enumerate without OptimizeEnumeration) and an empty body is {@code not(*)}. MessageID, To, OperationTimeout
 * and the other per-message headers are never matched.
 */
final class RequestPattern {
    private static final Set<String> MATCHED_HEADERS = Set.of("Action", "ResourceURI");
    private static final Set<String> KEYED_HEADERS = Set.of("SelectorSet", "OptionSet");
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";

    private final List<String> xpaths;
    private final String action;
    private final String resourceUri;

    private RequestPattern(List<String> xpaths, String action, String resourceUri) {
        this.xpaths = List.copyOf(xpaths);
        this.action = action;
        this.resourceUri = resourceUri;
    }

    /** The pattern of one request envelope. */
    static RequestPattern of(String envelope) {
        Document doc = io.hypervwsman.xml.SafeXml.parse(envelope).orElseThrow(
                () -> new IllegalArgumentException("a recorded request is not well-formed XML"));
        Element env = doc.getDocumentElement();
        String root = "/" + step(env);
        List<String> paths = new ArrayList<>();
        String action = "";
        String resourceUri = "";
        for (Element section : children(env)) {
            String sectionPath = root + "/" + step(section);
            if ("Header".equals(section.getLocalName())) {
                for (Element h : children(section)) {
                    if (MATCHED_HEADERS.contains(h.getLocalName())) {
                        String text = h.getTextContent().trim();
                        paths.add(sectionPath + "/" + step(h) + "[text()=" + literal(text) + "]");
                        action = "Action".equals(h.getLocalName()) ? text : action;
                        resourceUri = "ResourceURI".equals(h.getLocalName()) ? text : resourceUri;
                    } else if (KEYED_HEADERS.contains(h.getLocalName())) {
                        leaves(h, sectionPath + "/" + step(h), paths);
                    }
                }
            } else if ("Body".equals(section.getLocalName())) {
                List<Element> content = children(section);
                if (content.isEmpty()) {
                    paths.add(sectionPath + "[not(*)]");
                } else {
                    paths.add(sectionPath + "[count(descendant::*)=" + section.getElementsByTagNameNS("*", "*").getLength()
                            + "]");
                    for (Element c : content) {
                        leaves(c, sectionPath + "/" + step(c), paths);
                    }
                }
            }
        }
        return new RequestPattern(paths, action, resourceUri);
    }

    List<String> xpaths() {
        return xpaths;
    }

    String action() {
        return action;
    }

    String resourceUri() {
        return resourceUri;
    }

    private static void leaves(Element e, String path, List<String> out) {
        List<Element> children = children(e);
        String predicates = attributePredicates(e);
        if (children.isEmpty()) {
            String text = e.getTextContent().trim();
            out.add(path + predicates + (text.isEmpty() ? "" : "[text()=" + literal(text) + "]"));
            return;
        }
        for (Element c : children) {
            leaves(c, path + predicates + "/" + step(c), out);
        }
    }

    private static String attributePredicates(Element e) {
        StringBuilder p = new StringBuilder();
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            String ns = a.getNamespaceURI();
            if (XMLNS.equals(ns) || XSI.equals(ns) || javax.xml.XMLConstants.XML_NS_URI.equals(ns)) {
                continue;
            }
            String name = a.getLocalName() == null ? a.getName() : a.getLocalName();
            p.append("[@*[local-name()=").append(literal(name)).append("]=").append(literal(a.getValue())).append(']');
        }
        return p.toString();
    }

    private static String step(Element e) {
        String ns = e.getNamespaceURI() == null ? "" : e.getNamespaceURI();
        return "*[local-name()=" + literal(e.getLocalName()) + " and namespace-uri()=" + literal(ns) + "]";
    }

    private static List<Element> children(Element e) {
        List<Element> found = new ArrayList<>();
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.ELEMENT_NODE) {
                found.add((Element) c);
            }
        }
        return found;
    }

    /** An XPath 1.0 string literal for any text: XPath has no escapes, so a text with both quotes needs concat(). */
    static String literal(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        if (!text.contains("\"")) {
            return "\"" + text + "\"";
        }
        StringBuilder concat = new StringBuilder("concat(");
        String[] parts = text.split("'", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                concat.append(", \"'\", ");
            }
            concat.append('\'').append(parts[i]).append('\'');
        }
        return concat.append(')').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RequestPattern p && p.xpaths.equals(xpaths);
    }

    @Override
    public int hashCode() {
        return xpaths.hashCode();
    }
}
