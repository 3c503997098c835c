package io.hypervwsman.sim;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The host's answer to WS-Management Identify (DSP0226 section 11): a request whose body is {@code wsmid:Identify}
 * with no addressing headers, answered with an IdentifyResponse and an empty header (no Action, no RelatesTo), as
 * {@code winrm id} shows a Windows host's reply: vendor "Microsoft Corporation", "OS: ... SP: ... Stack: 3.0".
 */
final class IdentifyReply {
    static final String NAMESPACE = "http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd";
    /** Windows Server 2022's build; the exact text a given host sends is not from a capture. */
    static final String PRODUCT_VERSION = "OS: 10.0.20348 SP: 0.0 Stack: 3.0";

    private IdentifyReply() {
    }

    /** True if the envelope's body is an Identify request. */
    static boolean isIdentify(Document envelope) {
        Element root = envelope.getDocumentElement();
        if (!"Envelope".equals(root.getLocalName()) || !WsManUris.SOAP.equals(root.getNamespaceURI())) {
            return false;
        }
        Optional<Element> first = SecureXml.child(root, WsManUris.SOAP, "Body")
                .flatMap(b -> SecureXml.children(b).stream().findFirst());
        return first.map(e -> "Identify".equals(e.getLocalName()) && NAMESPACE.equals(e.getNamespaceURI()))
                .orElse(false);
    }

    static byte[] envelope() {
        String s = "<s:Envelope xml:lang=\"en-US\" xmlns:s=\"" + WsManUris.SOAP + "\"><s:Header/><s:Body>"
                + "<wsmid:IdentifyResponse xmlns:wsmid=\"" + NAMESPACE + "\">"
                + "<wsmid:ProtocolVersion>" + WsManUris.WSMAN + "</wsmid:ProtocolVersion>"
                + "<wsmid:ProductVendor>Microsoft Corporation</wsmid:ProductVendor>"
                + "<wsmid:ProductVersion>" + PRODUCT_VERSION + "</wsmid:ProductVersion>"
                + "<wsmid:SecurityProfiles><wsmid:SecurityProfileName>"
                + "http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/http/spnego-kerberos"
                + "</wsmid:SecurityProfileName></wsmid:SecurityProfiles>"
                + "</wsmid:IdentifyResponse></s:Body></s:Envelope>";
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
