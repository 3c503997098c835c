package io.hypervwsman.bench.e2e;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A logging TCP proxy in front of a WinRM endpoint on loopback: relays each connection to the target unchanged and
 * records every HTTP message it carries (head bytes, body bytes and, for multipart/encrypted bodies, the plaintext
 * length their OriginalContent header declares), in order per connection. Any client can be pointed at it, so ours
 * and pywinrm's requests are counted the same way, on the wire.
 */
final class WireTap implements AutoCloseable {
    private static final Pattern ORIGINAL_LENGTH = Pattern.compile("OriginalContent:[^\\r\\n]*Length=(\\d+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^Content-Length:\\s*(\\d+)");
    private static final Pattern CHUNKED = Pattern.compile("(?im)^Transfer-Encoding:\\s*chunked");

    /** One HTTP message as it crossed the proxy. {@code plaintext} is -1 for a body that is not encrypted SOAP. */
    record Message(int connection, boolean request, int headBytes, int bodyBytes, int plaintext) {
        int wireBytes() {
            return headBytes + bodyBytes;
        }
    }

    private final ServerSocket server;
    private final URI target;
    private final List<Message> messages = new ArrayList<>();
    private int connections;

    WireTap(URI target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "wire-tap");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The proxy's endpoint: the target's path on the proxy's port. */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + target.getPath());
    }

    /** Messages recorded so far, in order of completion. */
    List<Message> messages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket();
                upstream.connect(new InetSocketAddress(target.getHost(), target.getPort()));
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                int id;
                synchronized (messages) {
                    id = ++connections;
                }
                pump(id, true, client, upstream);
                pump(id, false, upstream, client);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(int connection, boolean requests, Socket from, Socket to) throws IOException {
        InputStream in = new BufferedInputStream(from.getInputStream());
        OutputStream out = to.getOutputStream();
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    byte[] head = readHead(in);
                    if (head == null) {
                        break;
                    }
                    String headText = new String(head, StandardCharsets.ISO_8859_1);
                    byte[] body = readBody(in, headText);
                    out.write(head);
                    out.write(body);
                    out.flush();
                    Matcher m = ORIGINAL_LENGTH.matcher(new String(body, 0, Math.min(body.length, 512),
                            StandardCharsets.ISO_8859_1));
                    synchronized (messages) {
                        messages.add(new Message(connection, requests, head.length, body.length,
                                m.find() ? Integer.parseInt(m.group(1)) : -1));
                    }
                }
            } catch (IOException e) {
                // the peer closed: end of this direction
            } finally {
                try {
                    to.shutdownOutput();
                } catch (IOException e) {
                    // already closed
                }
            }
        }, "wire-tap-" + connection + (requests ? "-up" : "-down"));
        t.setDaemon(true);
        t.start();
    }

    /** The request or status line and headers up to and including the blank line, or null at end of stream. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            state = b == '\n' ? (state == 1 ? 2 : 1) : b == '\r' ? state : 0;
            if (state == 2) {
                return head.toByteArray();
            }
        }
        return null;
    }

    private static byte[] readBody(InputStream in, String head) throws IOException {
        Matcher length = CONTENT_LENGTH.matcher(head);
        if (length.find()) {
            return in.readNBytes(Integer.parseInt(length.group(1)));
        }
        if (!CHUNKED.matcher(head).find()) {
            return new byte[0];
        }
        // Relayed verbatim; counted as the bytes on the wire, chunk framing included.
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line(in, body);
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                line(in, body);
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            line(in, body);
        }
    }

    private static String line(InputStream in, ByteArrayOutputStream copy) throws IOException {
        StringBuilder s = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            copy.write(b);
            if (b != '\r') {
                s.append((char) b);
            }
        }
        copy.write('\n');
        return s.toString().toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
