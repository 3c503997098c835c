package io.hypervwsman.wsman;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

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

    /** Marshals a JAXB root element (or JAXBElement) into a fresh DOM element. */
    static Element marshal(Object jaxbObject) {
        try {
            Document doc = XmlElements.newDocument();
            Marshaller m = Holder.CONTEXT.createMarshaller();
            m.marshal(jaxbObject, doc);
            return doc.getDocumentElement();
        } catch (JAXBException e) {
            throw new IllegalArgumentException("cannot write " + jaxbObject.getClass().getSimpleName() + ": "
                    + e.getMessage(), e);
        }
    }
}
