package io.hypervwsman.wsman;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A WS-Addressing endpoint reference to one CIM instance: Address plus ReferenceParameters (ResourceURI
 * and SelectorSet). One received from the host (a job, an enumerated item) is kept opaque: its
 * ReferenceParameters are re-sent verbatim, extra selectors and subclass resource URIs included.
 */
public final class EndpointReference {
    private final String address;
    private final String resourceUri;
    private final SelectorSet selectors;
    private final Element referenceParameters;

    private EndpointReference(String address, String resourceUri, SelectorSet selectors, Element referenceParameters) {
        this.address = address;
        this.resourceUri = resourceUri;
        this.selectors = selectors;
        this.referenceParameters = referenceParameters;
    }

    /** A reference we build ourselves, e.g. to a VM by its key properties. */
    public static EndpointReference of(String resourceUri, SelectorSet selectors) {
        Document doc = XmlElements.newDocument();
        Element rp = XmlElements.element(doc, WsManNamespace.ADDRESSING, "a", "ReferenceParameters");
        Element uri = XmlElements.element(doc, WsManNamespace.WSMAN, "w", "ResourceURI");
        uri.setTextContent(resourceUri);
        rp.appendChild(uri);
        rp.appendChild(RequestHeaders.selectorSetElement(doc, selectors));
        return new EndpointReference(WsManNamespace.ANONYMOUS, resourceUri, selectors, rp);
    }

    /**
     * Reads a reference from an element whose children are a:Address and a:ReferenceParameters (an
     * a:EndpointReference item, or an output parameter such as p:Job).
     *
     * @throws ProtocolException if the element is not a reference
     */
    public static EndpointReference from(Element epr) {
        Element addressEl = XmlElements.firstChild(epr, WsManNamespace.ADDRESSING, "Address");
        Element rp = XmlElements.firstChild(epr, WsManNamespace.ADDRESSING, "ReferenceParameters");
        if (addressEl == null || rp == null) {
            throw new ProtocolException("element " + epr.getLocalName() + " is not an endpoint reference"
                    + " (no a:Address and a:ReferenceParameters)");
        }
        Element uri = XmlElements.firstChild(rp, WsManNamespace.WSMAN, "ResourceURI");
        if (uri == null) {
            throw new ProtocolException("endpoint reference " + epr.getLocalName() + " has no w:ResourceURI");
        }
        Map<String, String> selectors = new LinkedHashMap<>();
        Element set = XmlElements.firstChild(rp, WsManNamespace.WSMAN, "SelectorSet");
        for (Element s : XmlElements.children(set, WsManNamespace.WSMAN, "Selector")) {
            selectors.put(s.getAttribute("Name"), XmlElements.text(s));
        }
        Document copy = XmlElements.newDocument();
        Element rpCopy = (Element) copy.importNode(rp, true);
        copy.appendChild(rpCopy);
        return new EndpointReference(XmlElements.text(addressEl), XmlElements.text(uri), new SelectorSet(selectors),
                rpCopy);
    }

    public String address() {
        return address;
    }

    public String resourceUri() {
        return resourceUri;
    }

    /** The text selectors, for display and lookups; addressing uses the verbatim reference parameters. */
    public SelectorSet selectors() {
        return selectors;
    }

    /** The a:ReferenceParameters element exactly as received (a copy; safe to import). */
    Element referenceParameters() {
        return referenceParameters;
    }

    /** Appends a:Address and a:ReferenceParameters under {@code parent}, as a method argument is written. */
    void writeInto(Element parent) {
        Document doc = parent.getOwnerDocument();
        Element a = XmlElements.element(doc, WsManNamespace.ADDRESSING, "a", "Address");
        a.setTextContent(address);
        parent.appendChild(a);
        parent.appendChild(doc.importNode(referenceParameters, true));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EndpointReference r && r.resourceUri.equals(resourceUri) && r.selectors.equals(selectors);
    }

    @Override
    public int hashCode() {
        return Objects.hash(resourceUri, selectors);
    }

    @Override
    public String toString() {
        return resourceUri + selectors.selectors();
    }
}
