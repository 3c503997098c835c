package io.hypervwsman.bench.wsman;

import io.hypervwsman.transport.Transport;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An in-memory {@link Transport} that answers each request with the canned reply for its {@code a:Action},
 * echoing the request's MessageID into {@code a:RelatesTo} as a Windows host does (the client checks it).
 * Its own cost, two {@code indexOf} scans of the request, is part of every WsManClient measurement and is
 * kept to about a microsecond (a regex scan cost ~10% of a Get).
 */
final class CannedTransport implements Transport {
    private final Map<String, ReplyTemplate> repliesByAction;
    private int exchanges;

    CannedTransport(Map<String, ReplyTemplate> repliesByAction) {
        this.repliesByAction = Map.copyOf(repliesByAction);
    }

    @Override
    public SoapReply exchange(byte[] envelope) {
        // ISO-8859-1 maps each byte to one char, so ASCII markup is found at the same index as in UTF-8.
        String request = new String(envelope, StandardCharsets.ISO_8859_1);
        String action = elementText(request, "Action");
        ReplyTemplate reply = repliesByAction.get(action);
        if (reply == null) {
            throw new IllegalStateException("no canned reply for Action " + action);
        }
        exchanges++;
        return new SoapReply(200, reply.relatingTo(elementText(request, "MessageID")));
    }

    /** Requests answered so far; the benchmarks check it once to be sure each operation is one exchange. */
    int exchanges() {
        return exchanges;
    }

    /** The text of the first start tag named {@code localName}, with or without a prefix. */
    private static String elementText(String xml, String localName) {
        for (int at = xml.indexOf(localName); at > 0; at = xml.indexOf(localName, at + localName.length())) {
            char before = xml.charAt(at - 1);
            int end = at + localName.length();
            char after = end < xml.length() ? xml.charAt(end) : '\0';
            int tagStart = xml.lastIndexOf('<', at);
            boolean startTag = tagStart >= 0 && xml.charAt(tagStart + 1) != '/';
            if ((before == '<' || before == ':') && (after == '>' || after == ' ') && startTag) {
                int textStart = xml.indexOf('>', end) + 1;
                return xml.substring(textStart, xml.indexOf('<', textStart)).trim();
            }
        }
        throw new IllegalStateException("request has no " + localName + " element");
    }

    @Override
    public void close() {
    }
}
