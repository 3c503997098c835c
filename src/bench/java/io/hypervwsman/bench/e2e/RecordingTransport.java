package io.hypervwsman.bench.e2e;

import io.hypervwsman.transport.Transport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wraps a transport and records each exchange: its WS-Addressing Action, resource, wall time, and how many
 * HTTP requests reached the host meanwhile (so handshake legs show up). Single caller at a time.
 */
final class RecordingTransport implements Transport {
    private static final Pattern ACTION = Pattern.compile("<(?:\\w+:)?Action[^>]*>([^<]*)<");
    private static final Pattern RESOURCE = Pattern.compile("<(?:\\w+:)?ResourceURI[^>]*>([^<]*)<");

    /** One exchange as the WS-Man layer saw it. */
    record Exchange(String action, String resource, long nanos, int httpRequests, byte[] request, byte[] reply) {
        String name() {
            String a = action.substring(action.lastIndexOf('/') + 1);
            String r = resource.substring(resource.lastIndexOf('/') + 1);
            return a + " " + r;
        }
    }

    private final Transport delegate;
    private final IntSupplier hostRequests;
    private final List<Exchange> exchanges = new ArrayList<>();

    RecordingTransport(Transport delegate, IntSupplier hostRequests) {
        this.delegate = delegate;
        this.hostRequests = hostRequests;
    }

    @Override
    public SoapReply exchange(byte[] envelope) {
        int before = hostRequests.getAsInt();
        long start = System.nanoTime();
        SoapReply reply = delegate.exchange(envelope);
        long nanos = System.nanoTime() - start;
        String text = new String(envelope, StandardCharsets.UTF_8);
        synchronized (exchanges) {
            exchanges.add(new Exchange(find(ACTION, text), find(RESOURCE, text), nanos,
                    hostRequests.getAsInt() - before, envelope, reply.envelope()));
        }
        return reply;
    }

    private static String find(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : "?";
    }

    List<Exchange> exchanges() {
        synchronized (exchanges) {
            return List.copyOf(exchanges);
        }
    }

    @Override
    public void close() {
        delegate.close();
    }
}
