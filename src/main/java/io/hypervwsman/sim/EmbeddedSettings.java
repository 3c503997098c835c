package io.hypervwsman.sim;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * The simulated host's reading of an embedded instance argument (CIM-XML {@code INSTANCE} text, DSP0201): every
 * {@code PROPERTY} and {@code PROPERTY.ARRAY} must carry NAME and TYPE, and every VALUE must be valid for the TYPE
 * (integers in range, booleans true/false, datetimes in the DMTF form), or the argument is rejected as WMI rejects
 * an instance it cannot convert. Independent of the client's writer on purpose.
 */
final class EmbeddedSettings {
    private static final Pattern DMTF_DATETIME = Pattern.compile("\\d{14}\\.\\d{6}[+-]\\d{3}");
    private static final Pattern DMTF_INTERVAL = Pattern.compile("\\d{14}\\.\\d{6}:000");
    private static final Map<String, long[]> RANGES = Map.of(
            "uint8", new long[] {0, 255}, "uint16", new long[] {0, 65535}, "uint32", new long[] {0, 4294967295L},
            "sint8", new long[] {-128, 127}, "sint16", new long[] {-32768, 32767},
            "sint32", new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE});
    private static final Set<String> OTHER_TYPES = Set.of("string", "boolean", "datetime", "uint64", "sint64");

    private final String className;
    private final Map<String, String> scalars = new LinkedHashMap<>();
    private final Map<String, java.util.List<String>> arrays = new java.util.LinkedHashMap<>();
    /** Scalar properties written without a VALUE: NULL, as against absent. */
    private final Set<String> nulls = new java.util.HashSet<>();

    private EmbeddedSettings(String className) {
        this.className = className;
    }

    /** Parses the text; empty when it is not an acceptable embedded instance. */
    static Optional<EmbeddedSettings> read(String text) {
        Optional<org.w3c.dom.Document> doc = SecureXml.parse(text.getBytes(StandardCharsets.UTF_8));
        if (doc.isEmpty()) {
            return Optional.empty();
        }
        Element root = doc.get().getDocumentElement();
        if (!"INSTANCE".equals(root.getNodeName()) || root.getAttribute("CLASSNAME").isEmpty()) {
            return Optional.empty();
        }
        EmbeddedSettings s = new EmbeddedSettings(root.getAttribute("CLASSNAME"));
        for (Element p : SecureXml.children(root)) {
            String kind = p.getNodeName();
            String name = p.getAttribute("NAME");
            String type = p.getAttribute("TYPE");
            if ("QUALIFIER".equals(kind)) {
                continue;
            }
            if (name.isEmpty() || !(RANGES.containsKey(type) || OTHER_TYPES.contains(type))) {
                return Optional.empty();
            }
            if ("PROPERTY".equals(kind)) {
                Optional<String> value = SecureXml.children(p).stream().filter(v -> "VALUE".equals(v.getNodeName()))
                        .findFirst().map(Element::getTextContent);
                if (value.isPresent()) {
                    if (!valid(type, value.get())) {
                        return Optional.empty();
                    }
                    s.scalars.put(name, value.get());
                } else {
                    s.nulls.add(name);
                }
            } else if ("PROPERTY.ARRAY".equals(kind)) {
                for (Element array : SecureXml.children(p)) {
                    if (!"VALUE.ARRAY".equals(array.getNodeName())) {
                        return Optional.empty();
                    }
                    for (Element v : SecureXml.children(array)) {
                        if (!"VALUE".equals(v.getNodeName()) || !valid(type, v.getTextContent())) {
                            return Optional.empty();
                        }
                        s.arrays.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(v.getTextContent());
                    }
                }
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(s);
    }

    private static boolean valid(String type, String value) {
        long[] range = RANGES.get(type);
        if (range != null) {
            try {
                long v = Long.parseLong(value);
                return v >= range[0] && v <= range[1];
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return switch (type) {
            case "boolean" -> "true".equals(value) || "false".equals(value);
            case "datetime" -> DMTF_DATETIME.matcher(value).matches() || DMTF_INTERVAL.matcher(value).matches();
            case "uint64", "sint64" -> value.matches("-?\\d{1,20}");
            default -> true;
        };
    }

    String className() {
        return className;
    }

    Optional<String> value(String name) {
        return Optional.ofNullable(scalars.get(name));
    }

    /** Whether the scalar property is written at all (with a value, or NULL). */
    boolean has(String name) {
        return scalars.containsKey(name) || nulls.contains(name);
    }

    /** The values of an array property; empty when it is absent or NULL. */
    java.util.List<String> values(String name) {
        return java.util.List.copyOf(arrays.getOrDefault(name, java.util.List.of()));
    }
}
