package io.hypervwsman.wsman;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The key properties that address one instance (w:SelectorSet), in the order they are sent. */
public record SelectorSet(Map<String, String> selectors) {

    /** No selectors: addresses a singleton or a whole class. */
    public static final SelectorSet EMPTY = new SelectorSet(Map.of());

    public SelectorSet {
        selectors = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(selectors)));
    }

    /** Selectors from alternating names and values: {@code of("CreationClassName", "Msvm_ComputerSystem", "Name", id)}. */
    public static SelectorSet of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("selectors come as name, value pairs");
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put(Objects.requireNonNull(namesAndValues[i]), Objects.requireNonNull(namesAndValues[i + 1]));
        }
        return new SelectorSet(m);
    }

    /** The value of one selector, or null. */
    public String get(String name) {
        return selectors.get(name);
    }

    public boolean isEmpty() {
        return selectors.isEmpty();
    }
}
