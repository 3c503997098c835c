package io.hypervwsman.transport;

import io.hypervwsman.AuthenticationException;
import io.hypervwsman.HyperVWsManException;
import io.hypervwsman.MessageIntegrityException;
import io.hypervwsman.transport.HttpTransport.HttpReply;
import io.hypervwsman.transport.auth.NegotiateContext;
import io.hypervwsman.transport.auth.SessionSecurity;
import io.hypervwsman.transport.encryption.EncryptedMessage;
import io.hypervwsman.transport.encryption.MultipartEncrypted;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.message.BasicHeader;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SOAP over HTTP with Negotiate authentication (NTLM or Kerberos) and, by default, WinRM message
 * encryption. Each kept-alive connection carries its own authenticated session, and each session owns
 * its connection (up to maxConnections sessions, reused while the host keeps them).
 * The first envelope rides on the last handshake leg when the context can already seal (NTLM), saving
 * a round trip. A 401 on an established session means the host lost it (e.g. a new connection): the
 * request was not processed, so the transport authenticates once more on a fresh connection and resends.
 */
public final class NegotiateTransport implements Transport {
    private static final Logger LOG = LoggerFactory.getLogger(NegotiateTransport.class);
    private static final String SCHEME = "Negotiate";

    private final ConnectionOptions options;
    private final SSLContext tls;
    private final Supplier<NegotiateContext> contexts;
    private final boolean encrypt;
    private final BlockingQueue<Session> idle = new LinkedBlockingQueue<>();
    private final Semaphore permits;

    public NegotiateTransport(ConnectionOptions options, Supplier<NegotiateContext> contexts) {
        this.options = options;
        this.tls = HttpTransport.tlsContext(options);
        this.contexts = contexts;
        this.encrypt = options.encryption() && !options.isHttps();
        this.permits = new Semaphore(options.maxConnections());
    }

    @Override
    public SoapReply exchange(byte[] envelope) {
        acquire();
        Session session = idle.poll();
        try {
            if (session == null) {
                session = new Session();
            }
            SoapReply reply;
            try {
                reply = session.isAuthenticated() ? session.send(envelope) : session.authenticateAndSend(envelope);
            } catch (SessionLostException lost) {
                LOG.debug("the host answered 401 on an authenticated connection; authenticating again");
                session.close();
                session = new Session();
                reply = session.authenticateAndSend(envelope);
            }
            idle.add(session);
            session = null;
            return reply;
        } finally {
            if (session != null) {
                session.close();
            }
            permits.release();
        }
    }

    private void acquire() {
        try {
            if (!permits.tryAcquire(options.readTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ConnectionException("no connection to " + options.endpoint() + " became free within "
                        + options.readTimeout().toSeconds() + " s", null, false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionException("interrupted while waiting for a connection", e, false);
        }
    }

    /** Closes the idle connections and, if the context source holds credentials (a Kerberos login), releases it. */
    @Override
    public void close() {
        Session s;
        while ((s = idle.poll()) != null) {
            s.close();
        }
        if (contexts instanceof AutoCloseable owned) {
            try {
                owned.close();
            } catch (Exception e) {
                LOG.debug("releasing the authentication credentials failed: {}", e.toString());
            }
        }
    }

    /**
     * An authenticated conversation on a connection of its own: the handshake legs and every sealed message
     * go over the same connection (a shared pool could hand a free connection to another session between
     * two legs, and the host would then see AUTHENTICATE on a connection that never negotiated).
     */
    private final class Session implements AutoCloseable {
        private final HttpTransport http = HttpTransport.singleConnection(options, tls);
        private final HttpClientContext context = HttpClientContext.create();
        private SessionSecurity security;

        @Override
        public void close() {
            http.close();
        }

        boolean isAuthenticated() {
            return security != null || (!encrypt && authenticatedPlain);
        }

        private boolean authenticatedPlain;

        SoapReply authenticateAndSend(byte[] envelope) {
            NegotiateContext ctx = contexts.get();
            byte[] token = ctx.initialToken();
            for (int leg = 1; leg <= 4; leg++) {
                boolean carriesEnvelope = ctx.isEstablished() || !encrypt;
                EncryptedMessage sealed = carriesEnvelope && encrypt ? seal(ctx.sessionSecurity(), envelope) : null;
                byte[] body = !carriesEnvelope ? new byte[0] : sealed != null ? sealed.body() : envelope;
                String type = sealed != null ? sealed.contentType() : HttpTransport.SOAP.toString();
                List<Header> headers = new ArrayList<>(2);
                headers.add(new BasicHeader(HttpHeaders.AUTHORIZATION, SCHEME + " "
                        + Base64.getEncoder().encodeToString(token)));
                HttpReply reply = http.post(body, type, headers, context);
                byte[] serverToken = negotiateToken(reply);
                if (reply.status() == 401) {
                    if (serverToken == null || ctx.isEstablished()) {
                        throw rejected(ctx, reply);
                    }
                    if (options.isHttps()) {
                        ctx.bindToChannel(channelBindings(context));
                    }
                    token = ctx.step(serverToken);
                    if (token == null) {
                        throw rejected(ctx, reply);
                    }
                    continue;
                }
                if (serverToken == null && !ctx.isEstablished() && !carriesSoap(reply.status())) {
                    // 404, 405, 501, a redirect...: a web server or a wrong path, not a WinRM listener refusing us
                    throw HttpTransport.statusException(reply, options);
                }
                if (serverToken != null) {
                    ctx.step(serverToken);
                }
                if (!ctx.isEstablished()) {
                    throw new AuthenticationException(ctx.mechanism() + " authentication with " + options.endpoint()
                            + " did not complete (HTTP " + reply.status() + " before the host proved its identity)");
                }
                if (encrypt) {
                    security = ctx.sessionSecurity();
                } else {
                    authenticatedPlain = true;
                }
                if (carriesEnvelope) {
                    return read(reply);
                }
                return send(envelope);
            }
            throw new AuthenticationException(ctx.mechanism() + " handshake with " + options.endpoint()
                    + " did not finish within 4 legs");
        }

        SoapReply send(byte[] envelope) {
            HttpReply reply;
            if (encrypt) {
                EncryptedMessage sealed = seal(security, envelope);
                reply = http.post(sealed.body(), sealed.contentType(), List.of(), context);
            } else {
                reply = http.post(envelope, HttpTransport.SOAP.toString(), List.of(), context);
            }
            if (reply.status() == 401) {
                throw new SessionLostException();
            }
            return read(reply);
        }

        private SoapReply read(HttpReply reply) {
            int status = reply.status();
            if (!encrypt) {
                return HttpTransport.toSoapReply(reply, options);
            }
            boolean encrypted = reply.contentType() != null
                    && reply.contentType().toLowerCase(Locale.ROOT).startsWith("multipart/encrypted");
            if (status == 200 || status == 400 || status == 500) {
                if (!encrypted && reply.contentType() != null
                        && reply.contentType().toLowerCase(Locale.ROOT).startsWith("application/soap+xml")) {
                    throw new MessageIntegrityException("the host at " + options.endpoint() + " replied in plaintext"
                            + " while message encryption is in force; refused as a possible downgrade");
                }
                if (encrypted) {
                    return new SoapReply(status, MultipartEncrypted.decode(reply.contentType(), reply.body(), security));
                }
            }
            throw HttpTransport.statusException(reply, options);
        }

        private EncryptedMessage seal(SessionSecurity s, byte[] envelope) {
            return MultipartEncrypted.encode(envelope, s);
        }
    }

    /** Statuses with which a WinRM listener answers a request it has read (a SOAP reply or fault may follow). */
    private static boolean carriesSoap(int status) {
        return status == 200 || status == 400 || status == 500;
    }

    private HyperVWsManException rejected(NegotiateContext ctx, HttpReply reply) {
        String user = options.credentials().map(Credentials::user).orElse("the current user");
        return new HttpUnauthorizedException("the host at " + options.endpoint() + " rejected " + ctx.mechanism()
                + " authentication for " + user + " (HTTP 401): wrong password, unknown or locked account, or the"
                + " account is not allowed to use WinRM", reply.authenticateSchemes());
    }

    /** RFC 5929 tls-server-end-point of the certificate the connection's TLS session presented. */
    private static byte[] channelBindings(HttpClientContext context) {
        javax.net.ssl.SSLSession tls = context.getSSLSession();
        try {
            if (tls != null && tls.getPeerCertificates().length > 0
                    && tls.getPeerCertificates()[0] instanceof java.security.cert.X509Certificate cert) {
                return io.hypervwsman.transport.auth.ntlm.internal.ChannelBindings.tlsServerEndPoint(cert);
            }
        } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
            throw new AuthenticationException("the TLS session has no verified server certificate to bind to");
        }
        throw new AuthenticationException("no TLS session on the connection to bind the authentication to");
    }

    /** The token of the first {@code WWW-Authenticate: Negotiate <base64>} header, or null. */
    static byte[] negotiateToken(HttpReply reply) {
        for (String v : reply.wwwAuthenticate()) {
            String t = v.trim();
            if (t.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
                String b64 = t.substring(SCHEME.length()).trim();
                if (b64.isEmpty()) {
                    return null;
                }
                try {
                    return Base64.getDecoder().decode(b64);
                } catch (IllegalArgumentException e) {
                    throw new AuthenticationException("the host sent a Negotiate token that is not base64");
                }
            }
        }
        return null;
    }

    /** The host answered 401 on a session we had authenticated: it no longer knows the connection. */
    private static final class SessionLostException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SessionLostException() {
            super(null, null, false, false);
        }
    }
}
