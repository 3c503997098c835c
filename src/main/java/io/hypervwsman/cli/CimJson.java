package io.hypervwsman.cli;

import io.hypervwsman.wsman.EndpointReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A generic JSON view of what WinRM sends for an instance or a method's output: one key per property, null for
 * {@code xsi:nil}, a list for repeated elements, the text inside {@code cim:Datetime}/{@code cim:Interval}, and
 * {@code {resourceUri, selectors}} for a reference.
 */
final class CimJson {
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String ADDRESSING = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    private static final String CIM = "http://schemas.dmtf.org/wbem/wscim/1/common";

    private CimJson() {
    }

    /** The properties of an instance element, in document order. */
    static Map<String, Object> properties(Element instance) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Element p : children(instance)) {
            String name = p.getLocalName();
            Object value = value(p);
            if (m.containsKey(name)) {
                Object before = m.get(name);
                @SuppressWarnings("unchecked")
                List<Object> list = before instanceof Repeated r ? r : new Repeated(before);
                list.add(value);
                m.put(name, list);
            } else {
                m.put(name, value);
            }
        }
        return m;
    }

    /** A reference as {resourceUri, selectors}. */
    static Map<String, Object> reference(EndpointReference r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("resourceUri", r.resourceUri());
        m.put("selectors", r.selectors().selectors());
        return m;
    }

    private static Object value(Element p) {
        if ("true".equals(p.getAttributeNS(XSI, "nil"))) {
            return null;
        }
        List<Element> kids = children(p);
        if (kids.isEmpty()) {
            return p.getTextContent();
        }
        Element first = kids.get(0);
        if (CIM.equals(first.getNamespaceURI()) && kids.size() == 1) {
            return first.getTextContent();
        }
        if (ADDRESSING.equals(first.getNamespaceURI())) {
            try {
                return reference(EndpointReference.from(p));
            } catch (io.hypervwsman.wsman.ProtocolException e) {
                // not a reference after all: shown as nested properties below
            }
        }
        return properties(p);
    }

    private static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                out.add(c);
            }
        }
        return out;
    }

    /** A list made from repeated elements (so that a property whose value is itself a list is not confused). */
    private static final class Repeated extends ArrayList<Object> {
        private static final long serialVersionUID = 1L;

        Repeated(Object first) {
            add(first);
        }
    }
}
