package io.hypervwsman.xml;

import java.io.ByteArrayInputStream;
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
import org.xml.sax.helpers.DefaultHandler;

/**
 * The one DOM parser configuration hyperv-wsman uses everywhere (client, recorder, simulated host):
 * namespace-aware, DOCTYPE refused, no external entities, no XInclude, secure processing limits. One
 * builder per thread, because creating one costs more than parsing most WS-Management messages.
 */
public final class SafeXml {
    private static final DocumentBuilderFactory FACTORY = factory();
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(SafeXml::newBuilder);

    private SafeXml() {
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

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilder b = FACTORY.newDocumentBuilder();
            b.setErrorHandler(new DefaultHandler());
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An empty document to build a message in. */
    public static Document newDocument() {
        return BUILDER.get().newDocument();
    }

    /** Parses UTF-8 (or BOM-marked) bytes; empty when they are not well-formed XML or carry a DOCTYPE. */
    public static Optional<Document> parse(byte[] bytes) {
        return parse(new InputSource(new ByteArrayInputStream(bytes)));
    }

    /** Parses text; empty when it is not well-formed XML or carries a DOCTYPE. */
    public static Optional<Document> parse(String xml) {
        return parse(new InputSource(new StringReader(xml)));
    }

    private static Optional<Document> parse(InputSource source) {
        DocumentBuilder b = BUILDER.get();
        try {
            return Optional.of(b.parse(source));
        } catch (SAXException | IOException e) {
            return Optional.empty();
        } finally {
            b.reset();
            b.setErrorHandler(new DefaultHandler());
        }
    }

    /** An element as one line of XML text (no declaration), for raw output; the DOM was parsed safely already. */
    public static String toText(org.w3c.dom.Element element) {
        try {
            javax.xml.transform.TransformerFactory tf = javax.xml.transform.TransformerFactory.newInstance();
            tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            javax.xml.transform.Transformer t = tf.newTransformer();
            t.setOutputProperty(javax.xml.transform.OutputKeys.OMIT_XML_DECLARATION, "yes");
            java.io.StringWriter out = new java.io.StringWriter();
            t.transform(new javax.xml.transform.dom.DOMSource(element), new javax.xml.transform.stream.StreamResult(out));
            return out.toString();
        } catch (javax.xml.transform.TransformerException e) {
            throw new IllegalStateException("cannot write an element as XML text", e);
        }
    }
}
