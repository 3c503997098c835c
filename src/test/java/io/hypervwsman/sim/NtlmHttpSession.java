package io.hypervwsman.sim;

import io.hypervwsman.transport.auth.SessionSecurity;
import io.hypervwsman.transport.auth.ntlm.NtlmClientContext;
import io.hypervwsman.transport.encryption.EncryptedMessage;
import io.hypervwsman.transport.encryption.MultipartEncrypted;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One keep-alive HTTP/1.1 connection that authenticates with NTLM (transport.auth.ntlm) and then exchanges SOAP
 * sealed with WinRM message encryption (transport.encryption): the client side of the wire without WsManClient.
 */
final class NtlmHttpSession implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final URI endpoint;
    private SessionSecurity security;

    record Response(int status, Map<String, String> headers, byte[] body) {
    }

    private NtlmHttpSession(URI endpoint) throws IOException {
        this.endpoint = endpoint;
        this.socket = new Socket("127.0.0.1", endpoint.getPort());
        socket.setSoTimeout(30_000);
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    static NtlmHttpSession open(URI endpoint, String domain, String user, char[] password) throws IOException {
        NtlmHttpSession s = new NtlmHttpSession(endpoint);
        NtlmClientContext ctx = NtlmClientContext.builder().domain(domain).user(user).password(password).build();
        Response challenge = s.exchange(Map.of("Authorization", "Negotiate "
                + Base64.getEncoder().encodeToString(ctx.negotiate())), null, new byte[0]);
        if (challenge.status() != 401) {
            throw new IOException("expected a 401 challenge, got " + challenge.status());
        }
        String token = challenge.headers().getOrDefault("www-authenticate", "").replaceFirst("^Negotiate ", "");
        Response done = s.exchange(Map.of("Authorization", "Negotiate "
                + Base64.getEncoder().encodeToString(ctx.authenticate(Base64.getDecoder().decode(token)))), null,
                new byte[0]);
        if (done.status() != 200) {
            s.close();
            throw new IOException("authentication failed with HTTP " + done.status());
        }
        s.security = ctx.sessionSecurity();
        return s;
    }

    /** Seals {@code soap}, posts it and unseals the reply. */
    SoapExchange.Answer send(String soap) throws IOException {
        EncryptedMessage sealed = MultipartEncrypted.encode(soap.getBytes(StandardCharsets.UTF_8), security);
        Response r = exchange(Map.of(), sealed.contentType(), sealed.body());
        byte[] plain = r.body().length == 0 ? r.body()
                : MultipartEncrypted.decode(r.headers().get("content-type"), r.body(), security);
        return SoapExchange.parse(r.status(), plain);
    }

    private Response exchange(Map<String, String> headers, String contentType, byte[] body) throws IOException {
        StringBuilder req = new StringBuilder("POST ").append(endpoint.getPath()).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(endpoint.getPort()).append("\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n");
        if (contentType != null) {
            req.append("Content-Type: ").append(contentType).append("\r\n");
        }
        headers.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
        out.write(req.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return read();
    }

    private Response read() throws IOException {
        String status = line();
        int code = Integer.parseInt(status.split(" ")[1]);
        Map<String, String> headers = new HashMap<>();
        for (String l = line(); !l.isEmpty(); l = line()) {
            int colon = l.indexOf(':');
            headers.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        return new Response(code, headers, in.readNBytes(length));
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new EOFException("connection closed by the host");
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
