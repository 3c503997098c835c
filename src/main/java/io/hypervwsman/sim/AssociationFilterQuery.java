package io.hypervwsman.sim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Reads a filter in the WS-Management CIM binding's association dialect (DSP0227) into the WQL traversal it means:
 * {@code b:AssociatedInstances} is ASSOCIATORS OF, {@code b:AssociationInstances} is REFERENCES OF; the source is
 * the EPR in {@code b:Object}.
 */
final class AssociationFilterQuery {
    static final String DIALECT = "http://schemas.dmtf.org/wbem/wsman/1/cimbinding/associationFilter";

    private AssociationFilterQuery() {
    }

    static WqlQuery read(Element filter) {
        Optional<Element> associated = SecureXml.child(filter, WsManUris.CIM_BINDING, "AssociatedInstances");
        Optional<Element> association = SecureXml.child(filter, WsManUris.CIM_BINDING, "AssociationInstances");
        Element body = associated.or(() -> association).orElseThrow(() -> WsManFaults.cannotProcessFilter(
                "the association filter has neither b:AssociatedInstances nor b:AssociationInstances"));
        Element object = SecureXml.child(body, WsManUris.CIM_BINDING, "Object").orElseThrow(
                () -> WsManFaults.cannotProcessFilter("the association filter has no b:Object"));
        Element parameters = SecureXml.child(object, WsManUris.ADDRESSING, "ReferenceParameters").orElseThrow(
                () -> WsManFaults.cannotProcessFilter("b:Object has no a:ReferenceParameters"));
        String uri = SecureXml.childText(parameters, WsManUris.WSMAN, "ResourceURI").orElse("").trim();
        if (!uri.startsWith(WsManUris.CLASS_PREFIX)) {
            throw WsManFaults.cannotProcessFilter("b:Object is not in " + WsManUris.CIM_NAMESPACE + ": " + uri);
        }
        Map<String, String> keys = new LinkedHashMap<>();
        SecureXml.child(parameters, WsManUris.WSMAN, "SelectorSet").ifPresent(set -> SecureXml.children(set,
                WsManUris.WSMAN, "Selector").forEach(s -> keys.put(s.getAttribute("Name"), s.getTextContent())));
        String sourceClass = uri.substring(WsManUris.CLASS_PREFIX.length());
        if (associated.isPresent()) {
            return new WqlQuery.Associators(sourceClass, keys, text(body, "ResultClassName"),
                    text(body, "AssociationClassName"), text(body, "Role"), text(body, "ResultRole"));
        }
        return new WqlQuery.References(sourceClass, keys, text(body, "ResultClassName"), text(body, "Role"));
    }

    private static Optional<String> text(Element body, String local) {
        return SecureXml.childText(body, WsManUris.CIM_BINDING, local).map(String::trim).filter(t -> !t.isEmpty());
    }
}
