package io.hypervwsman.transport.recording;

import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Namespace-aware parsing of recorded envelopes with DOCTYPEs refused, as everywhere else in the client. */
final class RecordingXml {
    private static final DocumentBuilderFactory FACTORY = factory();

    private RecordingXml() {
    }

    private static DocumentBuilderFactory factory() {
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

    /** The parsed envelope, or empty when the text is not well-formed XML or carries a DOCTYPE. */
    static Optional<Document> parse(String xml) {
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            return Optional.of(builder.parse(new InputSource(new StringReader(xml))));
        } catch (SAXException | IOException e) {
            return Optional.empty();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
