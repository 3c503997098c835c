package io.hypervwsman.sim;

import java.util.List;

/** The items of an enumeration as Windows writes them for each w:EnumerationMode. */
final class EnumerationItems {
    private EnumerationItems() {
    }

    static List<String> render(List<InstanceSnapshot> instances, String mode) {
        return switch (mode) {
            case "EnumerateEPR" -> instances.stream().map(EnumerationItems::epr).toList();
            case "EnumerateObjectAndEPR" -> instances.stream()
                    .map(i -> "<w:Item>" + i.toXml() + epr(i) + "</w:Item>").toList();
            case "" -> instances.stream().map(InstanceSnapshot::toXml).toList();
            default -> throw WsManFaults.invalidParameter("unsupported EnumerationMode " + mode);
        };
    }

    private static String epr(InstanceSnapshot i) {
        return "<a:EndpointReference>" + i.eprContent() + "</a:EndpointReference>";
    }
}
