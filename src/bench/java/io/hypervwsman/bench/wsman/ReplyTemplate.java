package io.hypervwsman.bench.wsman;

import java.nio.charset.StandardCharsets;

/**
 * A canned reply envelope from test-fixtures/wsman with its {@code a:RelatesTo} left open, split into the
 * UTF-8 bytes before and after it so that a reply to any MessageID costs one array copy.
 */
record ReplyTemplate(byte[] beforeRelatesTo, byte[] afterRelatesTo) {
    /** The WireMock template expression the fixtures put inside a:RelatesTo. */
    private static final String PLACEHOLDER_START = "{{";
    private static final String PLACEHOLDER_END = "}}";

    static ReplyTemplate of(String fixtureXml) {
        int start = fixtureXml.indexOf(PLACEHOLDER_START);
        int end = fixtureXml.indexOf(PLACEHOLDER_END, start);
        if (start < 0 || end < 0 || fixtureXml.indexOf(PLACEHOLDER_START, end) >= 0) {
            throw new IllegalArgumentException("expected exactly one {{...}} RelatesTo placeholder");
        }
        return new ReplyTemplate(fixtureXml.substring(0, start).getBytes(StandardCharsets.UTF_8),
                fixtureXml.substring(end + PLACEHOLDER_END.length()).getBytes(StandardCharsets.UTF_8));
    }

    /** The reply envelope relating to {@code messageId}. */
    byte[] relatingTo(String messageId) {
        byte[] id = messageId.getBytes(StandardCharsets.UTF_8);
        byte[] reply = new byte[beforeRelatesTo.length + id.length + afterRelatesTo.length];
        System.arraycopy(beforeRelatesTo, 0, reply, 0, beforeRelatesTo.length);
        System.arraycopy(id, 0, reply, beforeRelatesTo.length, id.length);
        System.arraycopy(afterRelatesTo, 0, reply, beforeRelatesTo.length + id.length, afterRelatesTo.length);
        return reply;
    }
}
