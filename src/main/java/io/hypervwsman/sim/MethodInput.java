package io.hypervwsman.sim;

import java.util.Optional;
import org.w3c.dom.Element;

/** The {@code <Method>_INPUT} element of an Invoke: scalar and reference (EPR) arguments by MOF name. */
final class MethodInput {
    private final Element input;

    private MethodInput(Element input) {
        this.input = input;
    }

    /** Reads the body of an Invoke of {@code method}; a missing or misnamed input element is a fault. */
    static MethodInput read(WsManRequest request, String method) {
        Element e = request.payload().orElseThrow(() -> WsManFaults.invalidParameter("the body has no "
                + method + "_INPUT element"));
        if (!(method + "_INPUT").equals(e.getLocalName())) {
            throw WsManFaults.invalidParameter("expected " + method + "_INPUT but found " + e.getLocalName());
        }
        return new MethodInput(e);
    }

    private Optional<Element> argument(String name) {
        return SecureXml.children(input).stream().filter(c -> name.equals(c.getLocalName()))
                .filter(c -> !"true".equals(c.getAttributeNS(WsManUris.XSI, "nil"))).findFirst();
    }

    Optional<String> string(String name) {
        return argument(name).map(e -> e.getTextContent().trim());
    }

    /** Every value of an array argument (one element per value, as WS-Man writes arrays). */
    java.util.List<String> strings(String name) {
        return SecureXml.children(input).stream().filter(c -> name.equals(c.getLocalName()))
                .filter(c -> !"true".equals(c.getAttributeNS(WsManUris.XSI, "nil")))
                .map(e -> e.getTextContent().trim()).toList();
    }

    Optional<Long> number(String name) {
        return string(name).map(t -> {
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                throw WsManFaults.invalidParameter(name + " is not a number: " + t);
            }
        });
    }

    /** A reference argument: the ResourceURI and selectors inside its a:ReferenceParameters. */
    Optional<Reference> reference(String name) {
        return argument(name).flatMap(e -> SecureXml.child(e, WsManUris.ADDRESSING, "ReferenceParameters"))
                .map(rp -> new Reference(SecureXml.childText(rp, WsManUris.WSMAN, "ResourceURI").orElse(""),
                        SecureXml.child(rp, WsManUris.WSMAN, "SelectorSet").map(SelectorValues::read)
                                .orElse(SelectorValues.of(java.util.Map.of()))));
    }

    /** An EPR passed as an argument. */
    record Reference(String resourceUri, SelectorValues selectors) {
    }
}
