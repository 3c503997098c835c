package io.hypervwsman.wsman;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * What a WS-Management service says about itself in its wsmid:IdentifyResponse (DMTF DSP0226 section 11): the
 * protocol version, vendor, product version (Windows: "OS: 10.0.x SP: 0.0 Stack: 3.0") and security profiles.
 *
 * @param element the IdentifyResponse element as received, for raw output
 */
public record Identity(String protocolVersion, String productVendor, Optional<String> productVersion,
                       List<String> securityProfiles, Element element) {
    /** The identity namespace DSP0226 defines. */
    public static final String NAMESPACE = "http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd";
    /** The same without ".xsd", as Microsoft's WinRM page writes it; accepted on replies in case a host uses it. */
    static final String NAMESPACE_WITHOUT_XSD = "http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity";

    static Identity read(Element response) {
        String ns = response.getNamespaceURI();
        if (!"IdentifyResponse".equals(response.getLocalName())
                || !(NAMESPACE.equals(ns) || NAMESPACE_WITHOUT_XSD.equals(ns))) {
            throw new ProtocolException("Identify: expected wsmid:IdentifyResponse in the reply, got "
                    + response.getLocalName());
        }
        Element version = XmlElements.firstChild(response, ns, "ProtocolVersion");
        Element vendor = XmlElements.firstChild(response, ns, "ProductVendor");
        if (version == null || vendor == null) {
            throw new ProtocolException("Identify: the IdentifyResponse lacks ProtocolVersion or ProductVendor");
        }
        // ProductVersion is left out when the request was not authenticated (Microsoft's WinRM Identify page).
        Element product = XmlElements.firstChild(response, ns, "ProductVersion");
        List<String> profiles = new ArrayList<>();
        Element sp = XmlElements.firstChild(response, ns, "SecurityProfiles");
        if (sp != null) {
            for (Element p : XmlElements.children(sp, ns, "SecurityProfileName")) {
                profiles.add(XmlElements.text(p));
            }
        }
        return new Identity(XmlElements.text(version), XmlElements.text(vendor),
                Optional.ofNullable(product).map(XmlElements::text), List.copyOf(profiles), response);
    }
}
