package io.hypervwsman.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.hypervwsman.HyperVWsManException;
import io.hypervwsman.transport.auth.SessionSecurity;
import io.hypervwsman.transport.auth.ntlm.internal.ChannelBindings;
import io.hypervwsman.transport.auth.ntlm.internal.CredentialLookup;
import io.hypervwsman.transport.auth.ntlm.internal.NtlmServerIdentity;
import io.hypervwsman.transport.encryption.EncryptedMessage;
import io.hypervwsman.transport.encryption.MultipartEncrypted;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front of a simulated Windows host: an HTTP endpoint {@code /wsman} on 127.0.0.1 that demands
 * Negotiate authentication (NTLM, or Kerberos when given a keytab) per connection, as WinRM does with its defaults (Basic off,
 * AllowUnencrypted off), unseals each request, passes the plaintext SOAP to a {@link SoapBackend} and
 * seals the reply. Plaintext SOAP after authentication and Basic credentials are refused. The handshakes are the
 * {@link HandshakeAcceptor}'s, the per-connection state the {@link SessionTable}'s, the misbehaviours the
 * {@link FaultPlan}'s.
 *
 * <p>The JDK server writes a response's headers and body separately with Nagle's algorithm on, so each reply waits
 * for the client's delayed ACK (~40 ms on Linux loopback) unless the JVM runs with
 * {@code -Dsun.net.httpserver.nodelay=true} (HTTP.sys sends with TCP_NODELAY). That switch is JVM-wide and read once,
 * so the application sets it (the CLI does, and this project's test and benchmark runs), never this library.
 */
public final class NegotiateGateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NegotiateGateway.class);
    private static final int MAX_REQUEST = 1 << 20;
    /** The Authorization value of WinRM certificate authentication. */
    private static final String CERTIFICATE_AUTHORIZATION =
            "http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/https/mutual";

    private final HttpServer server;
    private final ExecutorService executor;
    private final SoapBackend backend;
    private final boolean requireEncryption;
    private final boolean clientCertificates;
    private final SessionTable sessions = new SessionTable();
    private final HandshakeAcceptor handshakes;
    private final FaultPlan faults;
    private final AtomicInteger requests = new AtomicInteger();
    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);

    private NegotiateGateway(Builder b) throws IOException {
        this.backend = b.backend;
        this.requireEncryption = b.tls == null && !b.allowUnencrypted;
        this.clientCertificates = b.clientCertificates;
        this.faults = b.faults;
        this.handshakes = new HandshakeAcceptor(b.credentials, b.identity,
                b.certificate == null ? null : ChannelBindings.tlsServerEndPoint(b.certificate), sessions);
        if (b.kerberosKeytab != null) {
            handshakes.acceptKerberos(b.kerberosKeytab, b.kerberosPrincipal);
        }
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", b.port);
        this.server = b.tls == null ? HttpServer.create(address, 256) : https(address, b.tls, b.clientCertificates);
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sim-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/wsman", this::handle);
        server.start();
    }

    /** A gateway accepting the accounts {@code credentials} knows, as {@code identity}, in front of {@code backend}. */
    public static Builder builder(CredentialLookup credentials, NtlmServerIdentity identity, SoapBackend backend) {
        return new Builder(credentials, identity, backend);
    }

    private static HttpsServer https(InetSocketAddress address, SSLContext tls, boolean askForCertificates)
            throws IOException {
        HttpsServer https = HttpsServer.create(address, 256);
        https.setHttpsConfigurator(askForCertificates ? new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = tls.getDefaultSSLParameters();
                p.setWantClientAuth(true);
                params.setSSLParameters(p);
            }
        } : new HttpsConfigurator(tls));
        return https;
    }

    /** The endpoint URL, e.g. http://127.0.0.1:5985/wsman. */
    public URI endpoint() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + "/wsman");
    }

    /** How many HTTP requests reached the host. */
    public int requestCount() {
        return requests.get();
    }

    /** How many authentication handshakes completed: one per authenticated connection. */
    public int completedHandshakes() {
        return handshakes.completed();
    }

    /** The faults this gateway shows (shared with its backend when the simulated host built both). */
    public FaultPlan faults() {
        return faults;
    }

    /** Also accept Kerberos (SPNEGO or raw) for the service principal whose key is in the keytab. */
    public NegotiateGateway acceptKerberos(Path keytab, String servicePrincipal) {
        handshakes.acceptKerberos(keytab, servicePrincipal);
        return this;
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
            if (faults.take(HostFault.FORGET_SESSIONS)) {
                sessions.clearEstablished();
            }
            InetSocketAddress peer = exchange.getRemoteAddress();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            SessionTable.Session session = sessions.get(peer);
            if (authorization != null && authorization.trim().equals(CERTIFICATE_AUTHORIZATION)) {
                serveClientCertificate(exchange, body);
            } else if (authorization != null) {
                authorize(exchange, peer, authorization, body);
            } else if (session == null || !session.established()) {
                challengeAnew(exchange);
            } else {
                serveEstablished(exchange, session, body, false);
            }
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
            } catch (SSLPeerUnverifiedException e) {
                presented = false;
            }
        }
        if (!presented) {
            LOG.info("simulated host refused certificate authentication: no trusted client certificate");
            send(exchange, 401, null, new byte[0]);
            return;
        }
        servePlaintext(exchange, body);
    }

    private void authorize(HttpExchange exchange, InetSocketAddress peer, String authorization, byte[] body)
            throws IOException {
        HandshakeAcceptor.Step step = handshakes.accept(peer, authorization);
        if (step.token() != null && step.token().length > 0) {
            exchange.getResponseHeaders().add("WWW-Authenticate",
                    "Negotiate " + Base64.getEncoder().encodeToString(step.token()));
        }
        switch (step.outcome()) {
            case REFUSED -> challengeAnew(exchange);
            case MALFORMED -> send(exchange, 400, null, new byte[0]);
            case CONTINUE -> send(exchange, 401, null, new byte[0]);
            case ESTABLISHED -> {
                if (body.length == 0) {
                    send(exchange, 200, null, new byte[0]);
                } else {
                    serveEstablished(exchange, step.session(), body, true);
                }
            }
            default -> throw new IllegalStateException(step.outcome().name());
        }
    }

    private void servePlaintext(HttpExchange exchange, byte[] body) throws IOException {
        SoapBackend.Reply reply = backend.handle(body);
        if (!reply.dropsConnection()) {
            send(exchange, reply.status(), reply.contentType(), reply.body());
        }
    }

    /** {@code justAuthenticated}: the request rode on the handshake's last leg, so its session cannot be idle. */
    private void serveEstablished(HttpExchange exchange, SessionTable.Session session, byte[] body,
                                  boolean justAuthenticated) throws IOException {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        boolean encrypted = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/encrypted");
        if (!encrypted) {
            if (requireEncryption) {
                send(exchange, 400, null, new byte[0]);
            } else {
                servePlaintext(exchange, body);
            }
            return;
        }
        synchronized (session) {
            byte[] plaintext;
            try {
                plaintext = MultipartEncrypted.decode(type, body, session.security);
            } catch (HyperVWsManException e) {
                LOG.info("simulated host refused a message: {}", e.getMessage());
                send(exchange, 400, null, new byte[0]);
                return;
            }
            serveUnsealed(exchange, session.security, plaintext, justAuthenticated);
        }
    }

    /** Passes an unsealed request to the backend and seals its reply, showing the faults armed for its operation. */
    private void serveUnsealed(HttpExchange exchange, SessionSecurity security, byte[] plaintext,
                               boolean justAuthenticated) throws IOException {
        String operation = WsManRequest.operationOf(plaintext).orElse("");
        if (!justAuthenticated && faults.take(HostFault.FORGET_SESSIONS, operation)) {
            sessions.clearEstablished();
            challengeAnew(exchange);
            return;
        }
        if (faults.take(HostFault.RESET_BEFORE_READ, operation)) {
            LOG.info("simulated host drops the connection before {} reaches the service", operation);
            return;
        }
        if (faults.take(HostFault.SERVICE_UNAVAILABLE, operation)) {
            send(exchange, 503, "text/html; charset=us-ascii",
                    "<h1>Service Unavailable</h1>".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        SoapBackend.Reply reply = backend.handle(plaintext);
        if (reply.dropsConnection()) {
            // Closing the exchange before any response headers makes the server drop the connection.
            LOG.info("simulated host drops the connection without replying");
            return;
        }
        byte[] replyBody = DamagedReply.apply(reply.body(), f -> faults.take(f, operation));
        if (faults.take(HostFault.PLAINTEXT_REPLY, operation)) {
            send(exchange, reply.status(), reply.contentType(), replyBody);
            return;
        }
        SessionSecurity sealing = faults.take(HostFault.TAMPERED_SIGNATURE, operation)
                ? DamagedReply.tamperedSignature(security) : security;
        if (faults.take(HostFault.WRONG_SEQUENCE_NUMBER, operation)) {
            sealing.wrap(new byte[0]); // spends one sequence number: the reply carries the next one
        }
        EncryptedMessage sealed = MultipartEncrypted.encode(replyBody, sealing);
        byte[] sent = sealed.body();
        if (faults.take(HostFault.TRUNCATED_MULTIPART, operation)) {
            sent = Arrays.copyOf(sent, sent.length * 2 / 3);
        }
        exchange.getResponseHeaders().add("Content-Type", sealed.contentType());
        if (!SlowReply.misbehave(exchange, reply.status(), sent, f -> faults.take(f, operation), closed)) {
            send(exchange, reply.status(), null, sent);
        }
    }

    private void challengeAnew(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("WWW-Authenticate", "Negotiate");
        send(exchange, 401, null, new byte[0]);
    }

    private void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (faults.take(HostFault.CLOSE_AFTER_REPLY)) {
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

    /** How a gateway is set up: plain HTTP with message encryption by default, or HTTPS as a host's 5986 listener. */
    public static final class Builder {
        private final CredentialLookup credentials;
        private final NtlmServerIdentity identity;
        private final SoapBackend backend;
        private int port;
        private boolean allowUnencrypted;
        private SSLContext tls;
        private X509Certificate certificate;
        private boolean clientCertificates;
        private FaultPlan faults = new FaultPlan();
        private Path kerberosKeytab;
        private String kerberosPrincipal;

        private Builder(CredentialLookup credentials, NtlmServerIdentity identity, SoapBackend backend) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            this.identity = Objects.requireNonNull(identity, "identity");
            this.backend = Objects.requireNonNull(backend, "backend");
        }

        /** The port to listen on (default 0: a free one). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Serves plaintext SOAP after authentication, as a host with AllowUnencrypted=true does. */
        public Builder allowUnencrypted() {
            this.allowUnencrypted = true;
            return this;
        }

        /**
         * Serves HTTPS with {@code tls}: no message encryption (TLS protects the messages) and NTLM channel bindings
         * (tls-server-end-point of {@code certificate}) required.
         */
        public Builder https(SSLContext tls, X509Certificate certificate) {
            this.tls = Objects.requireNonNull(tls, "tls");
            this.certificate = Objects.requireNonNull(certificate, "certificate");
            return this;
        }

        /**
         * With {@link #https}, also asks TLS clients for a certificate and serves WinRM certificate authentication
         * (the {@code .../secprofile/https/mutual} Authorization header) to a session whose client certificate
         * {@code tls}'s trust managers accepted.
         */
        public Builder clientCertificates() {
            this.clientCertificates = true;
            return this;
        }

        /** The fault plan to take faults from (default: a new, empty one). */
        public Builder faults(FaultPlan faults) {
            this.faults = Objects.requireNonNull(faults, "faults");
            return this;
        }

        /** Also accepts Kerberos (SPNEGO or raw) for {@code servicePrincipal}, whose key is in {@code keytab}. */
        public Builder kerberos(Path keytab, String servicePrincipal) {
            this.kerberosKeytab = Objects.requireNonNull(keytab, "keytab");
            this.kerberosPrincipal = Objects.requireNonNull(servicePrincipal, "servicePrincipal");
            return this;
        }

        /** Starts serving on 127.0.0.1. */
        public NegotiateGateway start() throws IOException {
            if (clientCertificates && tls == null) {
                throw new IllegalStateException("client certificates need https(...)");
            }
            return new NegotiateGateway(this);
        }
    }
}
