package io.hypervwsman.wsman;

/** WQL text for WS-Management filters; literals are escaped so a name can never change the query. */
public final class Wql {
    private Wql() {
    }

    /**
     * A single-quoted WQL string literal: backslash and quote are escaped. Control characters cannot be
     * expressed safely and are refused.
     */
    public static String literal(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException("control characters are not allowed in a WQL string");
            }
            if (c == '\\' || c == '\'') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('\'').toString();
    }
}
