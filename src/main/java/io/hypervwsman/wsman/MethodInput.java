package io.hypervwsman.wsman;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The arguments of a WMI method call, in order: scalars, arrays (repeated elements) and references.
 * Written as {@code <p:Method_INPUT xmlns:p="class resource URI">}; parameter names are the MOF names.
 */
public final class MethodInput {
    private final List<Parameter> parameters = new ArrayList<>();

    private MethodInput() {
    }

    /** No arguments yet. */
    public static MethodInput create() {
        return new MethodInput();
    }

    /** A scalar argument; numbers, booleans and strings are written as their text. */
    public MethodInput add(String name, Object value) {
        parameters.add(new Parameter(name, List.of(String.valueOf(Objects.requireNonNull(value))), null));
        return this;
    }

    /** An array argument: one element per value. */
    public MethodInput addArray(String name, List<?> values) {
        List<String> texts = new ArrayList<>();
        values.forEach(v -> texts.add(String.valueOf(v)));
        parameters.add(new Parameter(name, texts, null));
        return this;
    }

    /** A reference argument (CIM REF): Address + ReferenceParameters. */
    public MethodInput addReference(String name, EndpointReference reference) {
        parameters.add(new Parameter(name, List.of(), Objects.requireNonNull(reference)));
        return this;
    }

    /** Appends every argument of {@code other}, in its order. */
    public MethodInput addAll(MethodInput other) {
        parameters.addAll(other.parameters);
        return this;
    }

    Element toElement(String resourceUri, String method) {
        Document doc = XmlElements.newDocument();
        Element root = XmlElements.element(doc, resourceUri, "p", method + "_INPUT");
        doc.appendChild(root);
        for (Parameter p : parameters) {
            if (p.reference != null) {
                Element e = XmlElements.element(doc, resourceUri, "p", p.name);
                p.reference.writeInto(e);
                root.appendChild(e);
                continue;
            }
            for (String v : p.values) {
                Element e = XmlElements.element(doc, resourceUri, "p", p.name);
                e.setTextContent(v);
                root.appendChild(e);
            }
        }
        return root;
    }

    private record Parameter(String name, List<String> values, EndpointReference reference) {
    }
}
