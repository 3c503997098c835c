package io.hypervwsman.sim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/** The selectors of a request or reference, in the order sent; names compare case-insensitively as in WMI. */
record SelectorValues(Map<String, String> values) {

    /** Selectors named with a double underscore (e.g. {@code __cimnamespace}) address WMI, not the instance. */
    private static final String SYSTEM_PREFIX = "__";

    SelectorValues {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    static SelectorValues of(Map<String, String> values) {
        return new SelectorValues(values);
    }

    static SelectorValues read(Element selectorSet) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Element s : SecureXml.children(selectorSet, WsManUris.WSMAN, "Selector")) {
            out.put(s.getAttribute("Name"), s.getTextContent().trim());
        }
        return new SelectorValues(out);
    }

    Optional<String> get(String name) {
        return values.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst();
    }

    /** True when the instance keys are exactly {@code keys} (ignoring system selectors and case). */
    boolean hasExactly(java.util.Set<String> keys) {
        long instanceSelectors = values.keySet().stream().filter(k -> !k.startsWith(SYSTEM_PREFIX)).count();
        return instanceSelectors == keys.size() && keys.stream().allMatch(k -> get(k).isPresent());
    }

    boolean isEmpty() {
        return values.isEmpty();
    }
}
