package io.hypervwsman.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.hypervwsman.transport.auth.ntlm.ChannelBindings;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import io.hypervwsman.HyperVWsManException;
import io.hypervwsman.transport.auth.SessionSecurity;
import io.hypervwsman.transport.auth.kerberos.KerberosServerContext;
import io.hypervwsman.transport.auth.ntlm.CredentialLookup;
import io.hypervwsman.transport.auth.ntlm.NtlmServerContext;
import io.hypervwsman.transport.auth.ntlm.NtlmServerIdentity;
import io.hypervwsman.transport.encryption.EncryptedMessage;
import io.hypervwsman.transport.encryption.MultipartEncrypted;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front of a simulated Windows host: an HTTP endpoint {@code /wsman} on 127.0.0.1 that demands
 * Negotiate authentication (NTLM, or Kerberos when given a keytab) per connection, as WinRM does with its defaults (Basic off,
 * AllowUnencrypted off), unseals each request, passes the plaintext SOAP to a {@link SoapBackend} and
 * seals the reply. Plaintext SOAP after authentication and Basic credentials are refused.
 *
 * <p>The JDK server writes a response's headers and body separately with Nagle's algorithm on, so each reply waits
 * for the client's delayed ACK (~40 ms on Linux loopback) unless the JVM runs with
 * {@code -Dsun.net.httpserver.nodelay=true} (HTTP.sys sends with TCP_NODELAY). That switch is JVM-wide and read once,
 * so the application sets it (the CLI does, and this project's test and benchmark runs), never this library.
 */
public final class NegotiateGateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NegotiateGateway.class);
    private static final int MAX_REQUEST = 1 << 20;
    private static final int MAX_SESSIONS = 10_000;

    private final HttpServer server;
    private final ExecutorService executor;
    private final CredentialLookup credentials;
    private final NtlmServerIdentity identity;
    private final SoapBackend backend;
    private final boolean clientCertificates;
    /** The Authorization value of WinRM certificate authentication. */
    private static final String CERTIFICATE_AUTHORIZATION =
            "http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/https/mutual";
    private final boolean requireEncryption;
    private final byte[] channelBindings;
    private final Map<InetSocketAddress, Session> sessions = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<InetSocketAddress, Session> eldest) {
            return size() > MAX_SESSIONS;
        }
    };
    private final AtomicInteger handshakes = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final java.util.Queue<ArmedFault> faults = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
    private volatile Path kerberosKeytab;
    private volatile String kerberosPrincipal;

    /**
     * Starts serving on 127.0.0.1.
     *
     * @param port              0 for a free port
     * @param requireEncryption false only to model a host with AllowUnencrypted=true
     */
    public NegotiateGateway(int port, CredentialLookup credentials, NtlmServerIdentity identity, SoapBackend backend,
                            boolean requireEncryption) throws IOException {
        this(port, credentials, identity, backend, requireEncryption, null, null);
    }

    /**
     * Starts serving HTTPS on 127.0.0.1, as a host's 5986 listener: no message encryption (TLS protects the
     * messages) and NTLM channel bindings (tls-server-end-point of {@code certificate}) required.
     */
    public static NegotiateGateway https(int port, CredentialLookup credentials, NtlmServerIdentity identity,
                                         SoapBackend backend, SSLContext tls, X509Certificate certificate)
            throws IOException {
        return new NegotiateGateway(port, credentials, identity, backend, false, tls, certificate);
    }

    /**
     * As {@link #https}, also asking TLS clients for a certificate and serving WinRM certificate authentication
     * (the {@code .../secprofile/https/mutual} Authorization header) to a session whose client certificate
     * {@code tls}'s trust managers accepted.
     */
    public static NegotiateGateway httpsWithClientCertificates(int port, CredentialLookup credentials,
                                                               NtlmServerIdentity identity, SoapBackend backend,
                                                               SSLContext tls, X509Certificate certificate)
            throws IOException {
        return new NegotiateGateway(port, credentials, identity, backend, false, tls, certificate, true);
    }

    private NegotiateGateway(int port, CredentialLookup credentials, NtlmServerIdentity identity, SoapBackend backend,
                             boolean requireEncryption, SSLContext tls, X509Certificate certificate)
            throws IOException {
        this(port, credentials, identity, backend, requireEncryption, tls, certificate, false);
    }

    private NegotiateGateway(int port, CredentialLookup credentials, NtlmServerIdentity identity, SoapBackend backend,
                             boolean requireEncryption, SSLContext tls, X509Certificate certificate,
                             boolean clientCertificates)
            throws IOException {
        this.clientCertificates = clientCertificates;
        this.credentials = credentials;
        this.identity = identity;
        this.backend = backend;
        this.requireEncryption = requireEncryption;
        this.channelBindings = certificate == null ? null : ChannelBindings.tlsServerEndPoint(certificate);
        if (tls == null) {
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        } else {
            HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", port), 256);
            https.setHttpsConfigurator(clientCertificates ? new HttpsConfigurator(tls) {
                @Override
                public void configure(com.sun.net.httpserver.HttpsParameters params) {
                    javax.net.ssl.SSLParameters p = tls.getDefaultSSLParameters();
                    p.setWantClientAuth(true);
                    params.setSSLParameters(p);
                }
            } : new HttpsConfigurator(tls));
            this.server = https;
        }
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sim-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/wsman", this::handle);
        server.start();
    }

    /** The endpoint URL, e.g. http://127.0.0.1:5985/wsman. */
    public URI endpoint() {
        return URI.create((server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort() + "/wsman");
    }

    /** How many HTTP requests reached the host. */
    public int requestCount() {
        return requests.get();
    }

    /** Queues a fault for the next request that can show it. */
    public void injectOnce(HostFault fault) {
        faults.add(new ArmedFault(fault, null));
    }

    /**
     * Queues a fault for the next request for {@code operation}: a method name (RevertFailover) or Get,
     * Enumerate, Pull, Release. The gateway unseals the request to see what it is, then shows the fault.
     */
    public void injectOnce(HostFault fault, String operation) {
        faults.add(new ArmedFault(fault, java.util.Objects.requireNonNull(operation)));
    }

    /** Takes a fault queued for any request (not one queued for an operation). */
    private boolean take(HostFault fault) {
        for (ArmedFault a : faults) {
            if (a.fault() == fault && a.operation() == null && faults.remove(a)) {
                return true;
            }
        }
        return false;
    }

    /** Takes a fault queued for any request or for this operation. */
    private boolean take(HostFault fault, String operation) {
        for (ArmedFault a : faults) {
            if (a.fault() == fault && (a.operation() == null || a.operation().equalsIgnoreCase(operation))
                    && faults.remove(a)) {
                return true;
            }
        }
        return false;
    }

    private record ArmedFault(HostFault fault, String operation) {
    }

    /** How many authentication handshakes completed: one per authenticated connection. */
    public int completedHandshakes() {
        return handshakes.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        // Not try-with-resources: its catch would run after the exchange is closed, and a failed request
        // would see its connection dropped with no answer instead of a 500.
        try {
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405, null, new byte[0]);
                return;
            }
            requests.incrementAndGet();
            byte[] body = readBounded(exchange.getRequestBody());
            if (take(HostFault.FORGET_SESSIONS)) {
                forgetEstablishedSessions();
            }
            InetSocketAddress peer = exchange.getRemoteAddress();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            Session session;
            synchronized (sessions) {
                session = sessions.get(peer);
            }
            if (authorization != null && authorization.trim().equals(CERTIFICATE_AUTHORIZATION)) {
                serveClientCertificate(exchange, body);
                return;
            }
            if (authorization != null) {
                authorize(exchange, peer, authorization, body);
                return;
            }
            if (session == null || session.security == null) {
                challengeAnew(exchange);
                return;
            }
            serveEstablished(exchange, session, body, false);
        } catch (RuntimeException e) {
            LOG.warn("simulated host failed a request: {}", e.toString());
            send(exchange, 500, null, new byte[0]);
        } finally {
            exchange.close();
        }
    }

    /** WinRM certificate authentication: the request is served if its TLS session presented a trusted certificate. */
    private void serveClientCertificate(HttpExchange exchange, byte[] body) throws IOException {
        boolean presented = false;
        if (clientCertificates && exchange instanceof com.sun.net.httpserver.HttpsExchange https) {
            try {
                presented = https.getSSLSession().getPeerCertificates().length > 0;
            } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
                presented = false;
            }
        }
        if (!presented) {
            LOG.info("simulated host refused certificate authentication: no trusted client certificate");
            send(exchange, 401, null, new byte[0]);
            return;
        }
        SoapBackend.Reply reply = backend.handle(body);
        if (!reply.dropsConnection()) {
            send(exchange, reply.status(), reply.contentType(), reply.body());
        }
    }

    private void authorize(HttpExchange exchange, InetSocketAddress peer, String authorization, byte[] body)
            throws IOException {
        String[] parts = authorization.trim().split("\\s+", 2);
        if (!"Negotiate".equalsIgnoreCase(parts[0]) || parts.length < 2) {
            challengeAnew(exchange);
            return;
        }
        byte[] token;
        try {
            token = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            send(exchange, 400, null, new byte[0]);
            return;
        }
        boolean ntlm = token.length >= 8 && new String(token, 0, 7, java.nio.charset.StandardCharsets.US_ASCII)
                .equals("NTLMSSP");
        if (!ntlm) {
            acceptKerberos(exchange, peer, token, body);
            return;
        }
        if (token.length >= 12 && token[8] == 1) {
            NtlmServerContext.Builder builder = NtlmServerContext.builder().credentials(credentials).identity(identity);
            if (channelBindings != null) {
                builder.expectedChannelBindings(channelBindings);
            }
            NtlmServerContext ctx = builder.build();
            byte[] challenge;
            try {
                challenge = ctx.challenge(token);
            } catch (HyperVWsManException e) {
                LOG.info("simulated host refused a NEGOTIATE: {}", e.getMessage());
                challengeAnew(exchange);
                return;
            }
            Session s = new Session(ctx);
            synchronized (sessions) {
                sessions.put(peer, s);
            }
            exchange.getResponseHeaders().add("WWW-Authenticate", "Negotiate " + Base64.getEncoder().encodeToString(challenge));
            send(exchange, 401, null, new byte[0]);
            return;
        }
        Session s;
        synchronized (sessions) {
            s = sessions.get(peer);
        }
        if (s == null || s.ntlm == null || s.security != null) {
            challengeAnew(exchange);
            return;
        }
        try {
            s.ntlm.accept(token);
        } catch (HyperVWsManException e) {
            LOG.info("simulated host refused a login: {}", e.getMessage());
            synchronized (sessions) {
                sessions.remove(peer);
            }
            challengeAnew(exchange);
            return;
        }
        s.security = s.ntlm.sessionSecurity();
        handshakes.incrementAndGet();
        if (body.length == 0) {
            send(exchange, 200, null, new byte[0]);
            return;
        }
        serveEstablished(exchange, s, body, true);
    }

    private void acceptKerberos(HttpExchange exchange, InetSocketAddress peer, byte[] token, byte[] body)
            throws IOException {
        if (kerberosKeytab == null) {
            challengeAnew(exchange);
            return;
        }
        KerberosServerContext ctx = KerberosServerContext.fromKeytab(kerberosKeytab, kerberosPrincipal);
        byte[] reply;
        try {
            reply = ctx.acceptToken(token);
        } catch (HyperVWsManException e) {
            LOG.info("simulated host refused a Kerberos login: {}", e.getMessage());
            challengeAnew(exchange);
            return;
        }
        if (reply != null && reply.length > 0) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Negotiate " + Base64.getEncoder().encodeToString(reply));
        }
        if (!ctx.isEstablished()) {
            send(exchange, 401, null, new byte[0]);
            return;
        }
        Session s = new Session(null);
        s.security = ctx.sessionSecurity();
        synchronized (sessions) {
            sessions.put(peer, s);
        }
        handshakes.incrementAndGet();
        if (body.length == 0) {
            send(exchange, 200, null, new byte[0]);
            return;
        }
        serveEstablished(exchange, s, body, true);
    }

    /** Also accept Kerberos (SPNEGO or raw) for the service principal whose key is in the keytab. */
    public NegotiateGateway acceptKerberos(Path keytab, String servicePrincipal) {
        this.kerberosKeytab = keytab;
        this.kerberosPrincipal = servicePrincipal;
        return this;
    }

    /** {@code justAuthenticated}: the request rode on the handshake's last leg, so its session cannot be idle. */
    private void serveEstablished(HttpExchange exchange, Session session, byte[] body, boolean justAuthenticated)
            throws IOException {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        boolean encrypted = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/encrypted");
        if (!encrypted) {
            if (requireEncryption) {
                send(exchange, 400, null, new byte[0]);
                return;
            }
            SoapBackend.Reply reply = backend.handle(body);
            if (!reply.dropsConnection()) {
                send(exchange, reply.status(), reply.contentType(), reply.body());
            }
            return;
        }
        byte[] plaintext;
        EncryptedMessage sealed;
        synchronized (session) {
            try {
                plaintext = MultipartEncrypted.decode(type, body, session.security);
            } catch (HyperVWsManException e) {
                LOG.info("simulated host refused a message: {}", e.getMessage());
                send(exchange, 400, null, new byte[0]);
                return;
            }
            String operation = WsManRequest.operationOf(plaintext).orElse("");
            if (!justAuthenticated && take(HostFault.FORGET_SESSIONS, operation)) {
                forgetEstablishedSessions();
                challengeAnew(exchange);
                return;
            }
            if (take(HostFault.RESET_BEFORE_READ, operation)) {
                LOG.info("simulated host drops the connection before {} reaches the service", operation);
                return;
            }
            if (take(HostFault.SERVICE_UNAVAILABLE, operation)) {
                send(exchange, 503, "text/html; charset=us-ascii",
                        "<h1>Service Unavailable</h1>".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                return;
            }
            SoapBackend.Reply reply = backend.handle(plaintext);
            if (reply.dropsConnection()) {
                // Closing the exchange before any response headers makes the server drop the connection.
                LOG.info("simulated host drops the connection without replying");
                return;
            }
            byte[] replyBody = DamagedReply.apply(reply.body(), f -> take(f, operation));
            if (take(HostFault.PLAINTEXT_REPLY, operation)) {
                send(exchange, reply.status(), reply.contentType(), replyBody);
                return;
            }
            SessionSecurity security = take(HostFault.TAMPERED_SIGNATURE, operation) ? tampered(session.security)
                    : session.security;
            if (take(HostFault.WRONG_SEQUENCE_NUMBER, operation)) {
                security.wrap(new byte[0]); // spends one sequence number: the reply carries the next one
            }
            sealed = MultipartEncrypted.encode(replyBody, security);
            byte[] sent = sealed.body();
            if (take(HostFault.TRUNCATED_MULTIPART, operation)) {
                sent = java.util.Arrays.copyOf(sent, sent.length * 2 / 3);
            }
            exchange.getResponseHeaders().add("Content-Type", sealed.contentType());
            if (!SlowReply.misbehave(exchange, reply.status(), sent, f -> take(f, operation), closed)) {
                send(exchange, reply.status(), null, sent);
            }
        }
    }

    /**
     * Drops every authenticated session, as a host does with connections idle past its timeout; a handshake in
     * progress is not idle, so it is kept (dropping it would fail that login as if the password were wrong).
     */
    private void forgetEstablishedSessions() {
        synchronized (sessions) {
            sessions.values().removeIf(s -> s.security != null);
        }
    }

    /** Signs with a flipped bit in the signature's last eight bytes (the checksum for NTLM, the trailer for Kerberos). */
    private static SessionSecurity tampered(SessionSecurity real) {
        return new SessionSecurity() {
            @Override
            public String protocol() {
                return real.protocol();
            }

            @Override
            public WrappedMessage wrap(byte[] plaintext) {
                WrappedMessage w = real.wrap(plaintext);
                byte[] sig = w.signature().clone();
                sig[sig.length - 5] ^= 0x01;
                return new WrappedMessage(sig, w.sealed());
            }

            @Override
            public byte[] unwrap(byte[] signature, byte[] sealed) {
                return real.unwrap(signature, sealed);
            }
        };
    }

    private void challengeAnew(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("WWW-Authenticate", "Negotiate");
        send(exchange, 401, null, new byte[0]);
    }

    private void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (take(HostFault.CLOSE_AFTER_REPLY)) {
            exchange.getResponseHeaders().add("Connection", "close");
        }
        if (contentType != null) {
            exchange.getResponseHeaders().add("Content-Type", contentType);
        }
        exchange.getResponseHeaders().add("Server", "Microsoft-HTTPAPI/2.0");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        byte[] data = in.readNBytes(MAX_REQUEST + 1);
        if (data.length > MAX_REQUEST) {
            throw new IOException("request larger than " + MAX_REQUEST + " bytes");
        }
        return data;
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private static final class Session {
        final NtlmServerContext ntlm;
        SessionSecurity security;

        Session(NtlmServerContext ntlm) {
            this.ntlm = ntlm;
        }
    }
}
