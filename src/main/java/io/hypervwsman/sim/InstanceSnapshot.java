package io.hypervwsman.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One CIM instance as the host sees it at one moment: class, properties and the keys that address it.
 * Property values are null, String, Number, Boolean, {@link Instant} (cim:Datetime), {@link Duration}
 * (cim:Interval), a {@link Reference} (an association's REF property) or a List of those (an array).
 */
record InstanceSnapshot(String className, Map<String, Object> properties, Map<String, String> keys) {
    private static final DateTimeFormatter DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    InstanceSnapshot {
        // Windows sorts properties case-insensitively.
        TreeMap<String, Object> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        sorted.putAll(properties);
        properties = Collections.unmodifiableMap(sorted);
        keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    }

    /** A reference-valued property: written as an EPR, as Windows writes an association's references. */
    record Reference(String resourceUri, Map<String, String> selectors) {
        Reference {
            selectors = Collections.unmodifiableMap(new LinkedHashMap<>(selectors));
        }
    }

    /** A reference to this instance. */
    Reference reference() {
        return new Reference(resourceUri(), keys);
    }

    /** Builds a snapshot whose keys are the named properties, in that order. */
    static InstanceSnapshot of(String className, Map<String, Object> properties, List<String> keyNames) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String k : keyNames) {
            keys.put(k, String.valueOf(properties.get(k)));
        }
        return new InstanceSnapshot(className, properties, keys);
    }

    String resourceUri() {
        return WsManUris.classUri(className);
    }

    boolean hasProperty(String name) {
        return properties.containsKey(name);
    }

    Optional<Object> value(String name) {
        return Optional.ofNullable(properties.get(name));
    }

    /** This instance with only the named properties (a WQL projection). */
    InstanceSnapshot project(List<String> names) {
        Map<String, Object> kept = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : properties.entrySet()) {
            if (names.stream().anyMatch(n -> n.equalsIgnoreCase(e.getKey()))) {
                kept.put(e.getKey(), e.getValue());
            }
        }
        return new InstanceSnapshot(className, kept, keys);
    }

    /** The instance element, redeclaring {@code p} as the class namespace as Windows does. */
    String toXml() {
        StringBuilder s = new StringBuilder(2048);
        s.append("<p:").append(className).append(" xmlns:xsi=\"").append(WsManUris.XSI).append("\" xmlns:p=\"")
                .append(resourceUri()).append("\" xmlns:cim=\"").append(WsManUris.CIM).append("\" xsi:type=\"p:")
                .append(className).append("_Type\">");
        properties.forEach((name, value) -> appendProperty(s, name, value));
        return s.append("</p:").append(className).append('>').toString();
    }

    /** The a:Address and a:ReferenceParameters of an EPR to this instance (without the enclosing element). */
    String eprContent() {
        return eprContent(resourceUri(), keys);
    }

    static String eprContent(String resourceUri, Map<String, String> selectors) {
        StringBuilder s = new StringBuilder(512);
        s.append("<a:Address>").append(WsManUris.ANONYMOUS).append("</a:Address><a:ReferenceParameters><w:ResourceURI>")
                .append(io.hypervwsman.xml.XmlEscape.escape(resourceUri)).append("</w:ResourceURI><w:SelectorSet>");
        selectors.forEach((k, v) -> s.append("<w:Selector Name=\"").append(io.hypervwsman.xml.XmlEscape.escape(k)).append("\">")
                .append(io.hypervwsman.xml.XmlEscape.escape(v)).append("</w:Selector>"));
        return s.append("</w:SelectorSet></a:ReferenceParameters>").toString();
    }

    /** The WMI object path, as WMI prints it in __ExtendedStatus and Msvm_Error.ErrorSource. */
    String objectPath() {
        StringBuilder s = new StringBuilder(className).append('.');
        String sep = "";
        for (Map.Entry<String, String> k : keys.entrySet()) {
            s.append(sep).append(k.getKey()).append("=\"").append(k.getValue().replace("\\", "\\\\")).append('"');
            sep = ",";
        }
        return s.toString();
    }

    private static void appendProperty(StringBuilder s, String name, Object value) {
        if (value == null || value instanceof List<?> l && l.isEmpty()) {
            s.append("<p:").append(name).append(" xsi:nil=\"true\"/>");
            return;
        }
        if (value instanceof List<?> list) {
            list.forEach(v -> appendProperty(s, name, v));
            return;
        }
        if (value instanceof Reference r) {
            // Windows redeclares a and w on each EPR-valued property (windows-shapes, Msvm_SettingsDefineCapabilities).
            s.append("<p:").append(name).append(" xmlns:a=\"").append(WsManUris.ADDRESSING).append("\" xmlns:w=\"")
                    .append(WsManUris.WSMAN).append("\">").append(eprContent(r.resourceUri(), r.selectors()))
                    .append("</p:").append(name).append('>');
            return;
        }
        s.append("<p:").append(name).append('>').append(scalar(value)).append("</p:").append(name).append('>');
    }

    private static String scalar(Object value) {
        if (value instanceof Instant t) {
            return "<cim:Datetime>" + DATETIME.format(t) + "</cim:Datetime>";
        }
        if (value instanceof Duration d) {
            return "<cim:Interval>" + interval(d) + "</cim:Interval>";
        }
        return io.hypervwsman.xml.XmlEscape.escape(String.valueOf(value));
    }

    /** xs:duration the way WinRM writes a CIM interval: P0DT0H0M2.500S. */
    static String interval(Duration d) {
        long millis = d.toMillis();
        long days = millis / 86_400_000L;
        long hours = millis / 3_600_000L % 24;
        long minutes = millis / 60_000L % 60;
        long seconds = millis / 1000 % 60;
        long ms = millis % 1000;
        String sec = ms == 0 ? Long.toString(seconds) : String.format(java.util.Locale.ROOT, "%d.%03d", seconds, ms);
        return "P" + days + "DT" + hours + "H" + minutes + "M" + sec + "S";
    }

    static String datetime(Instant t) {
        return DATETIME.format(t);
    }
}
