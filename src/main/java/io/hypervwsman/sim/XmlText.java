package io.hypervwsman.sim;

/** Escaping of text and attribute values for the XML the host writes by hand. */
final class XmlText {
    private XmlText() {
    }

    /** Escapes {@code value} for element content or a double-quoted attribute. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
