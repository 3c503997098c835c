package io.hypervwsman.xml;

/** Escaping for XML written by hand (element content or double-quoted attribute values). */
public final class XmlEscape {
    private XmlEscape() {
    }

    /**
     * Escapes {@code &}, {@code <}, {@code >}, {@code "} and CR (kept as {@code &#13;} so parsers do not fold it).
     *
     * @throws IllegalArgumentException for a control character XML 1.0 cannot carry
     */
    public static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\r' -> out.append("&#13;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n') {
                        throw new IllegalArgumentException("control character U+" + Integer.toHexString(c)
                                + " cannot be written in XML");
                    }
                    out.append(c);
                }
            }
        }
        return out.toString();
    }
}
