package io.hypervwsman.sim;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import io.hypervwsman.xml.XmlEscape;

/**
 * Writes an embedded instance as WMI hands it out in a string out-parameter: CIM-XML {@code INSTANCE} text (DSP0201)
 * with NAME and TYPE on every PROPERTY, datetimes in the DMTF form. The simulator's own writer, independent of the
 * client's reader on purpose.
 */
final class CimXmlInstance {
    private static final DateTimeFormatter DMTF =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss.SSSSSS'+000'").withZone(ZoneOffset.UTC);

    private final StringBuilder s = new StringBuilder(1024);

    CimXmlInstance(String className) {
        s.append("<INSTANCE CLASSNAME=\"").append(XmlEscape.escape(className)).append("\">");
    }

    CimXmlInstance property(String name, String type, Object value) {
        s.append("<PROPERTY NAME=\"").append(name).append("\" TYPE=\"").append(type).append("\">");
        if (value != null) {
            String text = value instanceof Instant t ? DMTF.format(t) : String.valueOf(value);
            s.append("<VALUE>").append(XmlEscape.escape(text)).append("</VALUE>");
        }
        s.append("</PROPERTY>");
        return this;
    }

    /** The INSTANCE text, escaped once more to be the content of an out-parameter element. */
    String asParameterText() {
        return XmlEscape.escape(s + "</INSTANCE>");
    }
}
