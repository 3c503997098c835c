package io.hypervwsman.transport;

import io.hypervwsman.AuthenticationException;
import io.hypervwsman.ConfigurationException;
import io.hypervwsman.Hint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.auth.AuthSchemeFactory;
import org.apache.hc.client5.http.cookie.CookieSpecFactory;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.config.RegistryBuilder;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * SOAP over HTTP(S) with HttpClient 5 (classic): pooled keep-alive connections, verified TLS, no
 * automatic retries (a WS-Management Invoke must never be resent behind the caller's back), and
 * replies read only up to the MaxEnvelopeSize limit. Authenticates with Basic (HTTPS only) or not at all;
 * the Negotiate schemes build on {@link #post}.
 */
public final class HttpTransport implements Transport {
    /** Room for the multipart framing and signature around an encrypted envelope. */
    private static final int FRAMING_ALLOWANCE = 16 * 1024;
    static final ContentType SOAP = ContentType.create("application/soap+xml", StandardCharsets.UTF_8);
    /** What the host's HTTP log shows for our requests. */
    static final String USER_AGENT = "hyperv-wsman";

    private final ConnectionOptions options;
    /** Set on the context once the connection (and TLS) is up, before the request is written. */
    private static final String CONNECTED = "io.hypervwsman.connected";

    private final CloseableHttpClient client;
    private final String authorization;
    /** Whether any reply came back on this transport: until one has, a host that hangs up may be refusing us. */
    private final java.util.concurrent.atomic.AtomicBoolean answered = new java.util.concurrent.atomic.AtomicBoolean();
    private final RequestConfig requestConfig;
    private static final java.util.Map<String, ContentType> CONTENT_TYPES = new java.util.concurrent.ConcurrentHashMap<>();

    public HttpTransport(ConnectionOptions options) {
        this(options, authorization(options), pool(options, tlsContext(options), options.maxConnections()), true);
    }

    /**
     * A transport of exactly one kept-alive connection, for a conversation that must never change
     * connections (a Negotiate session: its handshake legs and sealed messages belong to one connection).
     * Sends no Authorization header of its own. A pool of one rather than HttpClient's
     * {@code BasicHttpClientConnectionManager}, whose constructor formats its id with {@code String.format} and so
     * loads the JDK's locale data (~5 ms of a one-shot command's start-up outside en_US); the session owns and
     * closes its connection, so no idle-connection evictor thread either.
     */
    static HttpTransport singleConnection(ConnectionOptions options, SSLContext tls) {
        return new HttpTransport(options, null, pool(options, tls, 1), false);
    }

    private HttpTransport(ConnectionOptions options, String authorization, HttpClientConnectionManager manager,
                          boolean evictIdle) {
        this.options = options;
        this.authorization = authorization;
        this.requestConfig = RequestConfig.custom()
                .setConnectionRequestTimeout(Timeout.of(options.readTimeout()))
                .setResponseTimeout(Timeout.of(options.readTimeout()))
                // Authorization headers are ours (Basic, certificate, the Negotiate legs): HttpClient answers no
                // challenge itself, so it need not parse them.
                .setAuthenticationEnabled(false)
                .build();
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(manager)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                // Empty registries: the defaults cost start-up for nothing we use (the cookie specs' default parses
                // HttpClient's public suffix list, ~20 ms of a one-shot command), and a fixed User-Agent spares
                // reading HttpClient's version resource from its jar.
                .setDefaultAuthSchemeRegistry(RegistryBuilder.<AuthSchemeFactory>create().build())
                .setDefaultCookieSpecRegistry(RegistryBuilder.<CookieSpecFactory>create().build())
                .setUserAgent(USER_AGENT)
                // WinRM never compresses a reply; no Accept-Encoding on the wire, no decompression stage per request.
                .disableContentCompression()
                .addExecInterceptorAfter(ChainElement.CONNECT.name(), "connected", (request, scope, chain) -> {
                    scope.clientContext.setAttribute(CONNECTED, Boolean.TRUE);
                    return chain.proceed(request, scope);
                })
                .setDefaultRequestConfig(requestConfig);
        if (evictIdle) {
            builder.evictIdleConnections(TimeValue.ofSeconds(60));
        }
        this.client = builder.build();
    }

    private static PoolingHttpClientConnectionManager pool(ConnectionOptions options, SSLContext tls, int size) {
        return PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnPerRoute(size)
                .setMaxConnTotal(size)
                .setTlsSocketStrategy(tlsStrategy(options, tls))
                .setDefaultConnectionConfig(connectionConfig(options))
                .setDefaultTlsConfig(tlsConfig(options))
                .build();
    }

    /**
     * The TLS context for an HTTPS endpoint (the JDK trust store or the given CA file); null for plain HTTP,
     * which never upgrades to TLS (redirects are not followed), so a 5985 run does not pay the ~150 ms of
     * start-up an SSLContext costs.
     */
    static SSLContext tlsContext(ConnectionOptions options) {
        return options.isHttps() ? TrustMaterial.sslContext(options.caFile().orElse(null), keyManagers(options)) : null;
    }

    /** The client certificate's key managers, for certificate authentication only. */
    private static javax.net.ssl.KeyManager[] keyManagers(ConnectionOptions options) {
        return options.authMode() == AuthMode.CERTIFICATE
                ? options.clientCertificate().map(ClientCertificate::keyManagers).orElse(null) : null;
    }

    /** Refuses TLS: the endpoint is plain HTTP, and nothing may silently switch it. */
    private static final TlsSocketStrategy NO_TLS = (socket, target, port, attachment, context) -> {
        throw new javax.net.ssl.SSLException("TLS to " + target + ":" + port + " was not configured: the endpoint is"
                + " plain HTTP");
    };

    /** Verified TLS, unless the operator explicitly asked to skip verification (warned on every run). */
    private static TlsSocketStrategy tlsStrategy(ConnectionOptions options, SSLContext tls) {
        if (!options.isHttps()) {
            return NO_TLS;
        }
        return options.insecureSkipTlsVerification()
                ? new DefaultClientTlsStrategy(TrustMaterial.trustingAnything(keyManagers(options)), HostnameVerificationPolicy.CLIENT,
                        NoopHostnameVerifier.INSTANCE)
                : new DefaultClientTlsStrategy(tls);
    }

    private static ConnectionConfig connectionConfig(ConnectionOptions options) {
        return ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(options.connectTimeout()))
                .setSocketTimeout(Timeout.of(options.readTimeout()))
                .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                .build();
    }

    /** A TLS client at a plain HTTP port hears nothing back: the handshake gets the connect timeout. */
    private static TlsConfig tlsConfig(ConnectionOptions options) {
        return TlsConfig.custom().setHandshakeTimeout(Timeout.of(options.connectTimeout())).build();
    }

    /** The Authorization header WinRM's certificate authentication takes on every request (MS-WSMV). */
    static final String CERTIFICATE_AUTHORIZATION = "http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/https/mutual";

    private static String authorization(ConnectionOptions options) {
        switch (options.authMode()) {
            case NONE:
                return null;
            case CERTIFICATE:
                if (!options.isHttps()) {
                    throw new ConfigurationException("certificate authentication needs HTTPS: the client certificate"
                            + " is presented in the TLS handshake", Hint.of(Hint.Kind.USE_HTTPS));
                }
                if (options.clientCertificate().isEmpty()) {
                    throw new ConfigurationException("certificate authentication needs a client certificate",
                            Hint.of(Hint.Kind.GIVE_CLIENT_CERTIFICATE));
                }
                return CERTIFICATE_AUTHORIZATION;
            case BASIC:
                if (!options.isHttps()) {
                    throw new ConfigurationException("refusing Basic authentication over plain HTTP: it would send the"
                            + " password in the clear", Hint.of(Hint.Kind.USE_HTTPS_OR_NEGOTIATE));
                }
                Credentials c = options.credentials().orElseThrow(
                        () -> new ConfigurationException("Basic authentication needs a user and password"));
                char[] pw = c.password();
                try {
                    CharBuffer userPass = CharBuffer.allocate(c.user().length() + 1 + pw.length);
                    userPass.put(c.user()).put(':').put(pw).flip();
                    var bytes = StandardCharsets.UTF_8.encode(userPass);
                    byte[] raw = new byte[bytes.remaining()];
                    bytes.get(raw);
                    String value = "Basic " + Base64.getEncoder().encodeToString(raw);
                    java.util.Arrays.fill(raw, (byte) 0);
                    return value;
                } finally {
                    java.util.Arrays.fill(pw, '\0');
                }
            default:
                throw new ConfigurationException(options.authMode() + " authentication is handled by the Negotiate"
                        + " transport, not the plain HTTP transport");
        }
    }

    @Override
    public SoapReply exchange(byte[] envelope) {
        List<Header> headers = authorization == null
                ? List.of()
                : List.of(new org.apache.hc.core5.http.message.BasicHeader(HttpHeaders.AUTHORIZATION, authorization));
        HttpReply reply = post(envelope, SOAP.toString(), headers, HttpClientContext.create());
        return toSoapReply(reply, options);
    }

    /** Checks an HTTP reply that should carry plaintext SOAP and turns the non-SOAP statuses into exceptions. */
    static SoapReply toSoapReply(HttpReply reply, ConnectionOptions options) {
        int status = reply.status();
        boolean soap = reply.contentType() != null
                && reply.contentType().toLowerCase(Locale.ROOT).startsWith("application/soap+xml");
        if (soap && (status == 200 || status == 400 || status == 500)) {
            return new SoapReply(status, reply.body());
        }
        throw statusException(reply, options);
    }

    static RuntimeException statusException(HttpReply reply, ConnectionOptions options) {
        String where = options.endpoint().toString();
        switch (reply.status()) {
            case 200:
                return new HttpServerErrorException("the host at " + where + " answered HTTP 200 with "
                        + describe(reply.contentType()) + " instead of SOAP");
            case 401:
                List<String> schemes = reply.authenticateSchemes();
                return new HttpUnauthorizedException("the host at " + where + " refused the credentials"
                        + options.credentials().map(c -> " for " + c.user()).orElse("")
                        + " (HTTP 401; it offers " + (schemes.isEmpty() ? "no scheme" : String.join(", ", schemes))
                        + ")", schemes);
            case 403:
                return new HttpForbiddenException("the host at " + where + " denied access (HTTP 403): the account"
                        + " may not be allowed to use WinRM (Administrators or Remote Management Users)");
            case 404:
                return new EndpointNotFoundException("nothing answers WS-Management at " + where
                        + " (HTTP 404): check the port and the /wsman path");
            case 413:
                return new RequestTooLargeException("the host at " + where + " refused the request as too large"
                        + " (HTTP 413)");
            case 503:
                return new ServiceUnavailableException("the WinRM service at " + where + " is unavailable (HTTP 503)",
                        reply.retryAfter());
            case 500:
                return new HttpServerErrorException("the host at " + where + " failed with HTTP 500 and "
                        + describe(reply.contentType()) + " instead of a SOAP fault");
            default:
                return new HttpStatusException(reply.status(), "the host at " + where + " answered HTTP "
                        + reply.status() + " with " + describe(reply.contentType()));
        }
    }

    private static String describe(String contentType) {
        return contentType == null ? "no content type" : "a " + contentType + " body";
    }

    /**
     * One POST on a pooled connection. The context selects the connection: an authenticated session
     * passes the same context each time so that HttpClient hands back the connection it authenticated.
     */
    public HttpReply post(byte[] body, String contentType, List<Header> headers, HttpClientContext context) {
        HttpPost post = new HttpPost(options.endpoint());
        headers.forEach(post::addHeader);
        post.setEntity(new ByteArrayEntity(body, body.length == 0 ? null : contentType(contentType)));
        boolean authenticationLeg = body.length == 0;
        if (authenticationLeg) {
            // A leg without a request asks the host for nothing but a token, which it sends at once.
            post.setConfig(RequestConfig.copy(requestConfig).setResponseTimeout(Timeout.of(options.connectTimeout()))
                    .build());
        }
        context.removeAttribute(CONNECTED);
        try (ExchangeDeadline deadline = ExchangeDeadline.arm(post, options.exchangeTimeout())) {
            try {
                return client.execute(post, context, response -> read(response));
            } catch (ResponseTooLargeException | AuthenticationException e) {
                throw e;
            } catch (IOException e) {
                boolean connected = Boolean.TRUE.equals(context.getAttribute(CONNECTED));
                if (deadline.expired()) {
                    throw timeout(e, connected, ExchangeTimeoutException.Limit.EXCHANGE_TIMEOUT,
                            options.exchangeTimeout(), "the exchange with " + where() + " did not finish within");
                }
                if (e instanceof org.apache.hc.client5.http.ConnectTimeoutException && !handshakeTimedOut(e)) {
                    throw timeout(e, false, ExchangeTimeoutException.Limit.CONNECT_TIMEOUT, options.connectTimeout(),
                            "cannot connect to " + where() + " within");
                }
                if ((e instanceof java.net.SocketTimeoutException || e instanceof org.apache.hc.client5.http.ConnectTimeoutException) && !connected) {
                    throw timeout(e, false, ExchangeTimeoutException.Limit.CONNECT_TIMEOUT, options.connectTimeout(),
                            "no TLS handshake with " + where() + " (is it an HTTPS port?) within");
                }
                if (e instanceof java.net.SocketTimeoutException && authenticationLeg) {
                    throw timeout(e, false, ExchangeTimeoutException.Limit.CONNECT_TIMEOUT, options.connectTimeout(),
                            "no answer to the authentication request from " + where() + " (is it a WinRM"
                                    + " endpoint?) within");
                }
                if (e instanceof java.net.SocketTimeoutException) {
                    throw timeout(e, true, ExchangeTimeoutException.Limit.READ_TIMEOUT, options.readTimeout(),
                            "no reply from " + where() + " within");
                }
                throw connectionException(e);
            }
        }
    }

    /** Parsed once: requests carry one of a handful of Content-Types (SOAP, multipart/encrypted per protocol). */
    private static ContentType contentType(String text) {
        ContentType known = CONTENT_TYPES.get(text);
        if (known == null) {
            known = ContentType.parse(text);
            if (CONTENT_TYPES.size() < 16) {
                CONTENT_TYPES.put(text, known);
            }
        }
        return known;
    }

    /**
     * HttpClient reports a TLS handshake that timed out as a connect timeout whose message ends in the socket's
     * "Read timed out" (a TCP connect that never completed says "Connect timed out").
     */
    private boolean handshakeTimedOut(IOException e) {
        return options.isHttps() && String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("read timed out");
    }

    private static ExchangeTimeoutException timeout(IOException e, boolean mayHaveBeenProcessed,
                                                    ExchangeTimeoutException.Limit limit, Duration value, String what) {
        return new ExchangeTimeoutException(what + " the " + limit.words() + " of " + human(value), e,
                mayHaveBeenProcessed, limit, value);
    }

    private static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private String where() {
        return options.endpoint().getHost() + ":" + options.endpoint().getPort();
    }

    private HttpReply read(ClassicHttpResponse response) throws IOException {
        answered.set(true);
        HttpEntity entity = response.getEntity();
        byte[] body = entity == null ? new byte[0] : readBounded(entity.getContent(),
                options.maxEnvelopeSize() + FRAMING_ALLOWANCE);
        Header ct = response.getFirstHeader(HttpHeaders.CONTENT_TYPE);
        List<String> authenticate = new ArrayList<>();
        for (Header h : response.getHeaders(HttpHeaders.WWW_AUTHENTICATE)) {
            authenticate.add(h.getValue());
        }
        Header retry = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
        return new HttpReply(response.getCode(), ct == null ? null : ct.getValue(), body, authenticate,
                retry == null ? null : retry.getValue());
    }

    private byte[] readBounded(InputStream in, int limit) throws IOException {
        if (in == null) {
            return new byte[0];
        }
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (out.size() + n > limit) {
                    throw new ResponseTooLargeException("the reply from " + options.endpoint() + " exceeds the"
                            + " MaxEnvelopeSize limit (" + options.maxEnvelopeSize() + " bytes); reading stopped");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }

    private ConnectionException connectionException(IOException e) {
        String where = options.endpoint().getHost() + ":" + options.endpoint().getPort();
        if (e instanceof UnknownHostException) {
            return new ConnectionException("cannot resolve host " + options.endpoint().getHost(), e, false);
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException
                || e instanceof org.apache.hc.client5.http.HttpHostConnectException) {
            return new ConnectionException("cannot connect to " + where + ": " + e.getMessage(), e, false);
        }
        if (certificateRefused(e)) {
            return new ConnectionException("the host " + where + " ended the TLS session (" + rootMessage(e)
                    + "): it does not accept the client certificate "
                    + options.clientCertificate().map(ClientCertificate::subject).orElse("") + " (is it mapped to an"
                    + " account on the host, and its issuer trusted there?)", e, !(e instanceof SSLHandshakeException));
        }
        if (e instanceof SSLHandshakeException) {
            return new ConnectionException("TLS handshake with " + where + " failed: " + rootMessage(e), e, false,
                    Hint.of(Hint.Kind.TRUST_HOST_CA));
        }
        if (e instanceof SSLPeerUnverifiedException) {
            // HttpClient checks the name after the handshake, before the request is written.
            return new ConnectionException("TLS handshake with " + where + " failed: " + rootMessage(e)
                    + " (connect by a name the certificate carries)", e, false);
        }
        if (e instanceof SSLException) {
            return new ConnectionException("TLS error with " + where + ": " + rootMessage(e), e, true);
        }
        if (e instanceof InterruptedIOException) {
            return new ConnectionException("the exchange with " + where + " was interrupted", e, true);
        }
        return new ConnectionException("connection to " + where + " failed: " + e.getMessage(), e, true);
    }

    /**
     * TLS 1.3 servers refuse a client certificate after the client considers the handshake done, so the refusal
     * reaches the client as whatever its first request runs into: the alert, a reset or a broken pipe, or, when the
     * server hangs up without sending the alert (the JDK's HttpsServer does; a middlebox may), a connection closed
     * before any reply. The last counts only while nothing has ever been answered: later it is an ordinary drop.
     */
    private boolean certificateRefused(IOException e) {
        if (options.authMode() != AuthMode.CERTIFICATE || e instanceof SSLPeerUnverifiedException) {
            return false;
        }
        if (e instanceof org.apache.hc.core5.http.NoHttpResponseException) {
            return !answered.get();
        }
        String root = rootMessage(e);
        return (e instanceof SSLException || e instanceof java.net.SocketException)
                && (root.contains("Received fatal alert") || root.contains("Broken pipe")
                || root.contains("Connection reset"));
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            // Closing pooled sockets cannot lose data we still need.
        }
    }

    /** What came back from one POST, body fully read (and bounded). */
    public record HttpReply(int status, String contentType, byte[] body, List<String> wwwAuthenticate,
                            String retryAfterHeader) {

        /** The scheme names of the WWW-Authenticate headers. */
        public List<String> authenticateSchemes() {
            List<String> names = new ArrayList<>();
            for (String v : wwwAuthenticate) {
                int sp = v.indexOf(' ');
                names.add(sp < 0 ? v.trim() : v.substring(0, sp));
            }
            return names;
        }

        Duration retryAfter() {
            if (retryAfterHeader == null) {
                return null;
            }
            try {
                return Duration.ofSeconds(Long.parseLong(retryAfterHeader.trim()));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
