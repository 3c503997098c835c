package io.hypervwsman.conformance;

import io.hypervwsman.transport.AuthMode;
import io.hypervwsman.transport.ConnectionOptions;
import io.hypervwsman.transport.Transport;
import io.hypervwsman.wsman.WsManClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves the replies of test-fixtures/windows-shapes (our own files in the shapes real Windows hosts send), one file
 * per exchange and byte for byte, and keeps what the client sent. HTTP status 500 for a SOAP fault, 200 otherwise,
 * as WinRM answers.
 *
 * <p>The client is given each file's a:RelatesTo as its MessageID, so that the unchanged reply relates to the
 * request it answers.
 */
final class ShapeTransport implements Transport {
    static final Path DIR = Paths.get("test-fixtures", "windows-shapes");
    private static final Pattern RELATES_TO = Pattern.compile("RelatesTo>uuid:([0-9A-Fa-f-]{36})<");

    private final Deque<String> replies = new ArrayDeque<>();
    private final List<String> requests = new ArrayList<>();
    private final Deque<UUID> ids = new ArrayDeque<>();

    ShapeTransport(String... files) {
        for (String f : files) {
            String reply = read(f);
            replies.add(reply);
            Matcher m = RELATES_TO.matcher(reply);
            ids.add(m.find() ? UUID.fromString(m.group(1)) : UUID.randomUUID());
        }
    }

    static String read(String file) {
        try {
            return Files.readString(DIR.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A client over this transport whose MessageIDs are the files' RelatesTo values, in order. */
    WsManClient client() {
        ConnectionOptions options = ConnectionOptions.builder(URI.create("http://127.0.0.1:1/wsman"))
                .auth(AuthMode.NONE, null).build();
        Deque<UUID> next = new ArrayDeque<>(ids);
        return new WsManClient(options, this, () -> next.isEmpty() ? UUID.randomUUID() : next.poll());
    }

    /** A client whose every request is answered with one given reply; its MessageID is always {@code id}. */
    static WsManClient answering(int status, String reply, UUID id) {
        Transport t = new Transport() {
            @Override
            public SoapReply exchange(byte[] envelope) {
                return new SoapReply(status, reply.getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public void close() {
            }
        };
        return new WsManClient(ConnectionOptions.builder(URI.create("http://127.0.0.1:1/wsman"))
                .auth(AuthMode.NONE, null).build(), t, () -> id);
    }

    @Override
    public synchronized SoapReply exchange(byte[] envelope) {
        String request = new String(envelope, StandardCharsets.UTF_8);
        requests.add(request);
        if (replies.isEmpty()) {
            throw new AssertionError("the client sent a request no capture answers: " + request);
        }
        String reply = replies.poll();
        int status = reply.contains(":Fault>") ? 500 : 200;
        return new SoapReply(status, reply.getBytes(StandardCharsets.UTF_8));
    }

    synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    synchronized int unanswered() {
        return replies.size();
    }

    @Override
    public void close() {
    }
}
