package io.hypervwsman.wsman;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/** Binds message elements to the JAXB classes generated from wsdl/ and xsd/ at build time. */
final class JaxbBinding {
    private static final String PACKAGES = String.join(":",
            "io.hypervwsman.wsman.xml.addressing",
            "io.hypervwsman.wsman.xml.enumeration",
            "io.hypervwsman.wsman.xml.management",
            "io.hypervwsman.wsman.xml.fault",
            "io.hypervwsman.wsman.xml.cim",
            "io.hypervwsman.hyperv.xml.computersystem",
            "io.hypervwsman.hyperv.xml.concretejob",
            "io.hypervwsman.hyperv.xml.replicationservice",
            "io.hypervwsman.hyperv.xml.replicationrelationship");

    private JaxbBinding() {
    }

    /** Created on first use: building a JAXB context costs a few hundred milliseconds. */
    private static final class Holder {
        static final JAXBContext CONTEXT = create();

        private static JAXBContext create() {
            try {
                return JAXBContext.newInstance(PACKAGES, JaxbBinding.class.getClassLoader());
            } catch (JAXBException e) {
                throw new IllegalStateException("the generated JAXB classes cannot be loaded", e);
            }
        }
    }

    static <T> T unmarshal(Element element, Class<T> type) {
        try {
            JAXBElement<T> bound = Holder.CONTEXT.createUnmarshaller().unmarshal(element, type);
            return bound.getValue();
        } catch (JAXBException e) {
            throw new ProtocolException("cannot read " + element.getLocalName() + " as " + type.getSimpleName()
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * JAXB declares the namespace of every package in its context on the root element (an Enumerate would name
     * Msvm_ConcreteJob, Msvm_ReplicationService, ...). Only the declarations the element's subtree uses (in an
     * element or attribute name, or an xsi:type value) are kept.
     */
    static void dropUnusedNamespaces(Element root) {
        Set<String> used = new HashSet<>();
        collectPrefixes(root, used);
        NamedNodeMap attrs = root.getAttributes();
        List<Attr> unused = new ArrayList<>();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                String prefix = XMLConstants.XMLNS_ATTRIBUTE.equals(a.getName()) ? "" : a.getLocalName();
                if (!used.contains(prefix)) {
                    unused.add(a);
                }
            }
        }
        unused.forEach(root::removeAttributeNode);
    }

    private static void collectPrefixes(Element e, Set<String> used) {
        used.add(e.getPrefix() == null ? "" : e.getPrefix());
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                continue;
            }
            if (a.getPrefix() != null) {
                used.add(a.getPrefix());
            }
            if ("type".equals(a.getLocalName()) && WsManNamespace.XSI.equals(a.getNamespaceURI())) {
                int colon = a.getValue().indexOf(':');
                used.add(colon < 0 ? "" : a.getValue().substring(0, colon));
            }
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                collectPrefixes(child, used);
            }
        }
    }

    /** Marshals a JAXB root element (or JAXBElement) into a fresh DOM element. */
    static Element marshal(Object jaxbObject) {
        try {
            Document doc = XmlElements.newDocument();
            Marshaller m = Holder.CONTEXT.createMarshaller();
            m.marshal(jaxbObject, doc);
            Element root = doc.getDocumentElement();
            dropUnusedNamespaces(root);
            return root;
        } catch (JAXBException e) {
            throw new IllegalArgumentException("cannot write " + jaxbObject.getClass().getSimpleName() + ": "
                    + e.getMessage(), e);
        }
    }
}
