package io.hypervwsman.wsman;

import io.hypervwsman.xml.SafeXml;
import io.hypervwsman.xml.XmlEscape;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * An embedded instance: the CIM-XML {@code <INSTANCE CLASSNAME=..>} text WMI takes and returns in string
 * parameters such as {@code ReplicationSettingData} (in) or {@code GetErrorEx}'s {@code Errors[]} (out).
 * Written in the DSP0201 (CIM-XML 2.x) shape WMI's {@code GetText(WmiDtd20)} produces: one {@code PROPERTY}
 * per scalar with its {@code TYPE}, {@code PROPERTY.ARRAY}/{@code VALUE.ARRAY} per array, no {@code VALUE} for
 * a null, datetimes in the DMTF form. The text is what goes into the parameter; the SOAP layer escapes it.
 */
public final class EmbeddedInstance {
    /** Longest text {@link #parse} accepts: the embedded instances WMI uses are a few kilobytes. */
    public static final int MAX_TEXT = 256 * 1024;
    private static final DateTimeFormatter DMTF = DateTimeFormatter.ofPattern("yyyyMMddHHmmss.SSSSSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** CIM intrinsic types an embedded instance's properties are declared with. */
    public enum CimType {
        STRING, BOOLEAN, UINT8, UINT16, UINT32, UINT64, SINT8, SINT16, SINT32, SINT64, REAL32, REAL64, CHAR16, DATETIME;

        String cimName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static CimType of(String cimName) {
            try {
                return valueOf(cimName.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ProtocolException("embedded instance property of unsupported CIM type " + cimName);
            }
        }
    }

    /** One property: declared type, whether it is an array, and its values as CIM-XML text (empty = null). */
    public record Property(CimType type, boolean array, List<String> values) {
        public Property {
            Objects.requireNonNull(type, "type");
            values = List.copyOf(values);
        }

        /** The scalar value, if not null. */
        public Optional<String> value() {
            return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }
    }

    private final String className;
    private final Map<String, Property> properties = new LinkedHashMap<>();

    private EmbeddedInstance(String className) {
        this.className = requireName(className, "class name");
    }

    /** An instance of {@code className} with no properties yet. */
    public static EmbeddedInstance of(String className) {
        return new EmbeddedInstance(className);
    }

    public String className() {
        return className;
    }

    /** The properties, in the order they were set or read. */
    public Map<String, Property> properties() {
        return Collections.unmodifiableMap(properties);
    }

    /**
     * Sets a scalar property. {@code value} may be null, a String, a Number, a Boolean, an Instant (datetime) or
     * a Duration (datetime interval); it must suit {@code type}.
     */
    public EmbeddedInstance set(String name, CimType type, Object value) {
        properties.put(requireName(name, "property name"),
                new Property(type, false, value == null ? List.of() : List.of(text(name, type, value))));
        return this;
    }

    /** Sets an array property; null or empty writes an array with no values. */
    public EmbeddedInstance setArray(String name, CimType type, List<?> values) {
        List<String> texts = new ArrayList<>();
        if (values != null) {
            for (Object v : values) {
                texts.add(text(name, type, Objects.requireNonNull(v, "array element of " + name)));
            }
        }
        properties.put(requireName(name, "property name"), new Property(type, true, texts));
        return this;
    }

    /** The scalar value of a property, if present and not null. */
    public Optional<String> value(String name) {
        Property p = properties.get(name);
        return p == null ? Optional.empty() : p.value();
    }

    /** The CIM-XML text. */
    public String toCimXml() {
        StringBuilder s = new StringBuilder(256 + properties.size() * 64);
        s.append("<INSTANCE CLASSNAME=\"").append(XmlEscape.escape(className)).append("\">");
        for (Map.Entry<String, Property> e : properties.entrySet()) {
            Property p = e.getValue();
            String name = XmlEscape.escape(e.getKey());
            if (p.array()) {
                s.append("<PROPERTY.ARRAY NAME=\"").append(name).append("\" TYPE=\"").append(p.type().cimName())
                        .append("\"><VALUE.ARRAY>");
                p.values().forEach(v -> s.append("<VALUE>").append(XmlEscape.escape(v)).append("</VALUE>"));
                s.append("</VALUE.ARRAY></PROPERTY.ARRAY>");
            } else {
                s.append("<PROPERTY NAME=\"").append(name).append("\" TYPE=\"").append(p.type().cimName()).append("\">");
                p.value().ifPresent(v -> s.append("<VALUE>").append(XmlEscape.escape(v)).append("</VALUE>"));
                s.append("</PROPERTY>");
            }
        }
        return s.append("</INSTANCE>").toString();
    }

    /**
     * Reads CIM-XML INSTANCE text (as WMI returns it in string parameters), with the same safe parser as SOAP
     * messages. Reference and embedded-object properties are not supported and are reported as a protocol error.
     */
    public static EmbeddedInstance parse(String text) {
        if (text.length() > MAX_TEXT) {
            throw new ProtocolException("embedded instance of " + text.length() + " characters exceeds " + MAX_TEXT);
        }
        Document doc = SafeXml.parse(text.getBytes(StandardCharsets.UTF_8))
                .orElseThrow(() -> new ProtocolException("embedded instance is not well-formed XML"));
        Element root = doc.getDocumentElement();
        if (!"INSTANCE".equals(root.getLocalName()) || !root.hasAttribute("CLASSNAME")) {
            throw new ProtocolException("embedded instance does not start with INSTANCE CLASSNAME=...: <"
                    + root.getLocalName() + ">");
        }
        String className = root.getAttribute("CLASSNAME");
        if (!isCimName(className)) {
            throw new ProtocolException("embedded instance of a class whose name is not a CIM name: " + shorten(className));
        }
        EmbeddedInstance instance = new EmbeddedInstance(className);
        for (Element p : XmlElements.children(root)) {
            String kind = p.getLocalName();
            if ("QUALIFIER".equals(kind)) {
                continue;
            }
            String name = p.getAttribute("NAME");
            if (!isCimName(name)) {
                throw new ProtocolException("embedded " + instance.className + " has a " + kind + " whose NAME is not"
                        + " a CIM name: " + shorten(name));
            }
            CimType type = CimType.of(p.hasAttribute("TYPE") ? p.getAttribute("TYPE") : "string");
            switch (kind) {
                case "PROPERTY" -> {
                    Element v = XmlElements.firstChild(p, null, "VALUE");
                    instance.properties.put(name, new Property(type, false,
                            v == null ? List.of() : List.of(v.getTextContent())));
                }
                case "PROPERTY.ARRAY" -> {
                    List<String> values = new ArrayList<>();
                    Element array = XmlElements.firstChild(p, null, "VALUE.ARRAY");
                    if (array != null) {
                        for (Element v : XmlElements.children(array)) {
                            if ("VALUE".equals(v.getLocalName())) {
                                values.add(v.getTextContent());
                            }
                        }
                    }
                    instance.properties.put(name, new Property(type, true, values));
                }
                default -> throw new ProtocolException("embedded " + instance.className + " has an unsupported "
                        + kind + " (" + name + ")");
            }
        }
        return instance;
    }

    /** A DMTF datetime in UTC: {@code yyyymmddHHMMSS.mmmmmm+000}. */
    public static String dmtfDatetime(Instant t) {
        return DMTF.format(t) + "+000";
    }

    /** A DMTF interval: {@code ddddddddHHMMSS.mmmmmm:000}. */
    public static String dmtfInterval(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("a CIM interval cannot be negative: " + d);
        }
        long days = d.toDays();
        if (days > 99_999_999L) {
            throw new IllegalArgumentException("a CIM interval holds at most 99999999 days: " + d);
        }
        return String.format(Locale.ROOT, "%08d%02d%02d%02d.%06d:000", days, d.toHoursPart(), d.toMinutesPart(),
                d.toSecondsPart(), d.toNanosPart() / 1000);
    }

    private static String text(String name, CimType type, Object value) {
        switch (type) {
            case STRING:
                if (value instanceof String s) {
                    XmlEscape.escape(s); // refuses what XML cannot carry, now rather than when written
                    return s;
                }
                break;
            case BOOLEAN:
                if (value instanceof Boolean b) {
                    return b.toString();
                }
                break;
            case REAL32, REAL64:
                if (value instanceof Number n) {
                    return n.toString();
                }
                break;
            case CHAR16:
                if (value instanceof Character || value instanceof String c && c.length() == 1) {
                    return value.toString();
                }
                break;
            case DATETIME:
                if (value instanceof Instant t) {
                    return dmtfDatetime(t);
                }
                if (value instanceof Duration d) {
                    return dmtfInterval(d);
                }
                if (value instanceof String s) {
                    // Already in the DMTF form; checked so a malformed value fails here, not on the host.
                    try {
                        if (s.contains(":")) {
                            CimDatetime.interval(s);
                        } else {
                            CimDatetime.instant(s);
                        }
                    } catch (ProtocolException e) {
                        throw new IllegalArgumentException(name + ": " + e.getMessage());
                    }
                    return s;
                }
                break;
            default:
                if (value instanceof Number n && !(value instanceof Double) && !(value instanceof Float)) {
                    long v = n.longValue();
                    if (type.name().startsWith("UINT") && v < 0) {
                        throw new IllegalArgumentException(name + " is " + type.cimName() + " and cannot be " + v);
                    }
                    return Long.toString(v);
                }
                break;
        }
        throw new IllegalArgumentException(name + " is " + type.cimName() + "; a " + value.getClass().getSimpleName()
                + " does not fit");
    }

    private static String requireName(String name, String what) {
        if (!isCimName(name)) {
            throw new IllegalArgumentException("not a CIM " + what + ": " + name);
        }
        return name;
    }

    private static boolean isCimName(String name) {
        return name != null && !name.isEmpty() && name.length() <= 256 && name.matches("[A-Za-z_][A-Za-z0-9_]*");
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    @Override
    public String toString() {
        return className + properties.keySet();
    }
}
