package io.hypervwsman.wsman;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * A generic, read-only view of a CIM instance (or a method's _OUTPUT) as WinRM renders it: one element
 * per property, {@code xsi:nil} for null, repeated elements for arrays, {@code cim:Datetime} /
 * {@code cim:Interval} wrappers for times, and Address + ReferenceParameters for references.
 */
public class CimInstance {
    private final Element element;

    CimInstance(Element element) {
        this.element = element;
    }

    /** The class name (the element's local name, e.g. Msvm_ConcreteJob). */
    public String className() {
        return element.getLocalName();
    }

    /** The class's resource URI (the element's namespace). */
    public String resourceUri() {
        return element.getNamespaceURI();
    }

    /** The property names present, in document order. */
    public Set<String> propertyNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Element e : XmlElements.children(element)) {
            names.add(e.getLocalName());
        }
        return names;
    }

    /** True if the property is present (null or not). */
    public boolean has(String property) {
        return first(property) != null;
    }

    /** True if the property is absent or xsi:nil. */
    public boolean isNull(String property) {
        Element e = first(property);
        return e == null || XmlElements.isNil(e);
    }

    /** The text of a scalar property; empty when absent or null. */
    public Optional<String> string(String property) {
        Element e = first(property);
        if (e == null || XmlElements.isNil(e)) {
            return Optional.empty();
        }
        return Optional.of(e.getTextContent());
    }

    /** The values of an array property (repeated elements), nulls left out; empty when absent. */
    public List<String> strings(String property) {
        List<String> out = new ArrayList<>();
        for (Element e : XmlElements.children(element, null, property)) {
            if (!XmlElements.isNil(e)) {
                out.add(e.getTextContent());
            }
        }
        return out;
    }

    /** An integer property (uint8..uint32, sint*). */
    public Optional<Long> number(String property) {
        return string(property).map(String::trim).map(v -> {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new ProtocolException("property " + property + " of " + className() + " is not a number: " + v);
            }
        });
    }

    /** The values of an integer array property. */
    public List<Long> numbers(String property) {
        List<Long> out = new ArrayList<>();
        for (String s : strings(property)) {
            try {
                out.add(Long.parseLong(s.trim()));
            } catch (NumberFormatException e) {
                throw new ProtocolException("property " + property + " of " + className() + " is not a number: " + s);
            }
        }
        return out;
    }

    /** A boolean property. */
    public Optional<Boolean> bool(String property) {
        return string(property).map(String::trim).map(v -> "true".equalsIgnoreCase(v) || "1".equals(v));
    }

    /** A datetime property (cim:Datetime, or bare text in either the xs or the DMTF form). */
    public Optional<Instant> datetime(String property) {
        return timeText(property, "Datetime").map(CimDatetime::instant);
    }

    /** An interval property (cim:Interval, or bare text in either the xs or the DMTF form). */
    public Optional<Duration> interval(String property) {
        return timeText(property, "Interval").map(CimDatetime::interval);
    }

    /** A reference property (Address + ReferenceParameters), e.g. the Job of a method output. */
    public Optional<EndpointReference> reference(String property) {
        Element e = first(property);
        if (e == null || XmlElements.isNil(e)) {
            return Optional.empty();
        }
        return Optional.of(EndpointReference.from(e));
    }

    /** The underlying element, e.g. for a typed JAXB view. */
    public Element element() {
        return element;
    }

    /** This instance bound to a generated JAXB type (e.g. MsvmConcreteJobType). */
    public <T> T as(Class<T> type) {
        return JaxbBinding.unmarshal(element, type);
    }

    private Optional<String> timeText(String property, String wrapper) {
        Element e = first(property);
        if (e == null || XmlElements.isNil(e)) {
            return Optional.empty();
        }
        Element w = XmlElements.firstChild(e, WsManNamespace.CIM, wrapper);
        if (w == null) {
            List<Element> kids = XmlElements.children(e);
            w = kids.isEmpty() ? null : kids.get(0);
        }
        String text = w != null ? w.getTextContent() : e.getTextContent();
        return text.isBlank() ? Optional.empty() : Optional.of(text.trim());
    }

    private Element first(String property) {
        return XmlElements.firstChild(element, null, property);
    }

    @Override
    public String toString() {
        return className() + propertyNames();
    }
}
