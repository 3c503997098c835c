package io.hypervwsman.sim;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The parts of a request envelope the host acts on. */
record WsManRequest(String action, String messageId, String resourceUri, SelectorValues selectors,
                    Optional<Duration> operationTimeout, Element body) {

    /** Reads a parsed envelope; empty when it is not a SOAP 1.2 envelope with a header and body. */
    static Optional<WsManRequest> read(Document document) {
        Element envelope = document.getDocumentElement();
        if (!"Envelope".equals(envelope.getLocalName()) || !WsManUris.SOAP.equals(envelope.getNamespaceURI())) {
            return Optional.empty();
        }
        Optional<Element> header = SecureXml.child(envelope, WsManUris.SOAP, "Header");
        Optional<Element> body = SecureXml.child(envelope, WsManUris.SOAP, "Body");
        if (header.isEmpty() || body.isEmpty()) {
            return Optional.empty();
        }
        Element h = header.get();
        String action = SecureXml.childText(h, WsManUris.ADDRESSING, "Action").orElse("");
        String messageId = SecureXml.childText(h, WsManUris.ADDRESSING, "MessageID").orElse("");
        String resourceUri = SecureXml.childText(h, WsManUris.WSMAN, "ResourceURI").orElse("");
        SelectorValues selectors = SecureXml.child(h, WsManUris.WSMAN, "SelectorSet")
                .map(SelectorValues::read).orElse(SelectorValues.of(Map.of()));
        Optional<Duration> timeout = SecureXml.childText(h, WsManUris.WSMAN, "OperationTimeout").flatMap(t -> {
            try {
                return Optional.of(Duration.parse(t));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
        return Optional.of(new WsManRequest(action, messageId, resourceUri, selectors, timeout, body.get()));
    }

    /** The WMI method an Invoke calls (its action is the class resource URI plus the method name), if it is one. */
    Optional<String> invokedMethod() {
        String prefix = resourceUri + "/";
        if (resourceUri.startsWith(WsManUris.CLASS_PREFIX) && action.startsWith(prefix)
                && action.indexOf('/', prefix.length()) < 0 && action.length() > prefix.length()) {
            return Optional.of(action.substring(prefix.length()));
        }
        return Optional.empty();
    }

    /** What faults are armed for: the invoked method's name, else the action's last segment (Get, Pull, ...). */
    String operation() {
        return invokedMethod().orElse(action.substring(action.lastIndexOf('/') + 1));
    }

    /** The operation of a plaintext request envelope, or empty when it cannot be read. */
    static Optional<String> operationOf(byte[] envelope) {
        return SecureXml.parse(envelope).flatMap(WsManRequest::read).map(WsManRequest::operation);
    }

    /** The whole envelope as XML text (re-serialized from the parsed document). */
    String envelopeText() {
        return io.hypervwsman.xml.SafeXml.toText(body.getOwnerDocument().getDocumentElement());
    }

    /** The first element in the body, if any. */
    Optional<Element> payload() {
        return SecureXml.children(body).stream().findFirst();
    }
}
