package io.hypervwsman.wsman;

/**
 * Refuses a reply whose prolog carries a DOCTYPE before any XML parser sees it: WS-Management
 * messages never have one, and a DTD is how entity-expansion and external-entity attacks arrive.
 */
final class ReplyProlog {
    private ReplyProlog() {
    }

    static void rejectDoctype(byte[] xml) {
        int i = 0;
        if (xml.length >= 3 && (xml[0] & 0xff) == 0xEF && (xml[1] & 0xff) == 0xBB && (xml[2] & 0xff) == 0xBF) {
            i = 3;
        }
        while (i < xml.length) {
            byte b = xml[i];
            if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                i++;
                continue;
            }
            if (b != '<' || i + 1 >= xml.length) {
                return;
            }
            byte next = xml[i + 1];
            if (next == '?') {
                i = skipPast(xml, i + 2, "?>");
            } else if (next == '!') {
                if (startsWith(xml, i, "<!--")) {
                    i = skipPast(xml, i + 4, "-->");
                } else {
                    throw new ProtocolException("the host's reply carries a DOCTYPE declaration; refused (WS-Management"
                            + " messages never have one)");
                }
            } else {
                return;
            }
        }
    }

    private static int skipPast(byte[] xml, int from, String end) {
        for (int i = from; i + end.length() <= xml.length; i++) {
            if (startsWith(xml, i, end)) {
                return i + end.length();
            }
        }
        return xml.length;
    }

    private static boolean startsWith(byte[] xml, int at, String s) {
        if (at + s.length() > xml.length) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (xml[at + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
