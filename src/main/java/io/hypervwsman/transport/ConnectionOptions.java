package io.hypervwsman.transport;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything needed to talk to one WinRM endpoint: where, as whom, how securely, and the WS-Management
 * limits that go into every request. Immutable; build it with {@link #builder(URI)}.
 */
public final class ConnectionOptions {
    /** The WinRM default for MaxEnvelopeSize. */
    public static final int DEFAULT_MAX_ENVELOPE_SIZE = 512_000;
    /** The WinRM default OperationTimeout. */
    public static final Duration DEFAULT_OPERATION_TIMEOUT = Duration.ofSeconds(60);
    /**
     * How long to wait for TCP connect, for the TLS handshake, and for the host's answer to an authentication leg
     * that carries no request (the host answers those at once, doing no work): a host that accepts TCP and never
     * answers, or an HTTPS client at an HTTP port, fails after this long.
     */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The margin over OperationTimeout that the default response timeout allows for the network and a fault. */
    public static final Duration RESPONSE_MARGIN = Duration.ofSeconds(15);
    /** The margin over the response timeout that the default exchange time limit allows for reading the reply. */
    public static final Duration EXCHANGE_MARGIN = Duration.ofSeconds(45);

    private final URI endpoint;
    private final AuthMode authMode;
    private final Credentials credentials;
    private final Path caFile;
    private final int maxEnvelopeSize;
    private final Duration operationTimeout;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final Duration exchangeTimeout;
    private final Locale locale;
    private final Locale dataLocale;
    private final int maxConnections;
    private final boolean encryption;
    private final KerberosOptions kerberos;
    private final boolean insecureSkipTlsVerification;
    private final ClientCertificate clientCertificate;

    private ConnectionOptions(Builder b) {
        this.endpoint = b.endpoint;
        this.authMode = b.authMode;
        this.credentials = b.credentials;
        this.caFile = b.caFile;
        this.maxEnvelopeSize = b.maxEnvelopeSize;
        this.operationTimeout = b.operationTimeout;
        this.connectTimeout = b.connectTimeout;
        this.responseTimeout = b.responseTimeout;
        this.exchangeTimeout = b.exchangeTimeout;
        this.locale = b.locale;
        this.dataLocale = b.dataLocale;
        this.maxConnections = b.maxConnections;
        this.encryption = b.encryption;
        this.kerberos = b.kerberos;
        this.insecureSkipTlsVerification = b.insecureSkipTlsVerification;
        this.clientCertificate = b.clientCertificate;
    }

    /** Starts options for an endpoint such as {@code http://hv01:5985/wsman}. */
    public static Builder builder(URI endpoint) {
        return new Builder(endpoint);
    }

    /** The endpoint for a bare host name: {@code http://HOST:5985/wsman}, or 5986 with HTTPS. */
    public static URI endpointFor(String host, boolean https) {
        if (host.contains("://")) {
            return URI.create(host);
        }
        String scheme = https ? "https://" : "http://";
        if (host.matches("[^:\\[\\]/]+:\\d{1,5}")) {
            return URI.create(scheme + host + "/wsman");
        }
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return URI.create(scheme + h + ":" + (https ? 5986 : 5985) + "/wsman");
    }

    public URI endpoint() {
        return endpoint;
    }

    public boolean isHttps() {
        return "https".equalsIgnoreCase(endpoint.getScheme());
    }

    public AuthMode authMode() {
        return authMode;
    }

    public Optional<Credentials> credentials() {
        return Optional.ofNullable(credentials);
    }

    public Optional<Path> caFile() {
        return Optional.ofNullable(caFile);
    }

    public int maxEnvelopeSize() {
        return maxEnvelopeSize;
    }

    public Duration operationTimeout() {
        return operationTimeout;
    }

    /** TCP connect, TLS handshake, and an authentication leg without a request (see {@link #DEFAULT_CONNECT_TIMEOUT}). */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * How long to wait for the first byte of a reply (and between two reads of it). The host answers within
     * OperationTimeout (or with a TimedOut fault), so by default this is OperationTimeout plus
     * {@link #RESPONSE_MARGIN} (75 s with the defaults).
     */
    public Duration readTimeout() {
        return responseTimeout != null ? responseTimeout : operationTimeout.plus(RESPONSE_MARGIN);
    }

    /**
     * The bound on one whole exchange, from sending the request to the last byte of the reply: a host that trickles
     * its reply is cut off after this long. By default the response timeout plus {@link #EXCHANGE_MARGIN}.
     */
    public Duration exchangeTimeout() {
        return exchangeTimeout != null ? exchangeTimeout : readTimeout().plus(EXCHANGE_MARGIN);
    }

    public Optional<Locale> locale() {
        return Optional.ofNullable(locale);
    }

    public Optional<Locale> dataLocale() {
        return Optional.ofNullable(dataLocale);
    }

    public int maxConnections() {
        return maxConnections;
    }

    /** Whether WinRM message encryption is used (Negotiate over HTTP only). */
    public boolean encryption() {
        return encryption;
    }

    /** Kerberos sources and overrides. */
    public KerberosOptions kerberos() {
        return kerberos;
    }

    /** True when the host's certificate and name are not verified (see the builder's warning). */
    public boolean insecureSkipTlsVerification() {
        return insecureSkipTlsVerification;
    }

    /** The TLS client certificate for {@link AuthMode#CERTIFICATE}. */
    public Optional<ClientCertificate> clientCertificate() {
        return Optional.ofNullable(clientCertificate);
    }

    @Override
    public String toString() {
        return "ConnectionOptions[endpoint=" + endpoint + ", auth=" + authMode
                + ", user=" + (credentials == null ? "-" : credentials.user()) + "]";
    }

    /** Builder for {@link ConnectionOptions}. */
    public static final class Builder {
        private final URI endpoint;
        private AuthMode authMode = AuthMode.NEGOTIATE;
        private Credentials credentials;
        private Path caFile;
        private int maxEnvelopeSize = DEFAULT_MAX_ENVELOPE_SIZE;
        private Duration operationTimeout = DEFAULT_OPERATION_TIMEOUT;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration responseTimeout;
        private Duration exchangeTimeout;
        private Locale locale = Locale.US;
        private Locale dataLocale;
        private int maxConnections = 1;
        private boolean encryption = true;
        private KerberosOptions kerberos = KerberosOptions.DEFAULTS;
        private boolean insecureSkipTlsVerification;
        private ClientCertificate clientCertificate;

        private Builder(URI endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
            String scheme = endpoint.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                throw new IllegalArgumentException("endpoint must be an http:// or https:// URL: " + endpoint);
            }
        }

        public Builder auth(AuthMode mode, Credentials credentials) {
            this.authMode = Objects.requireNonNull(mode, "mode");
            this.credentials = credentials;
            return this;
        }

        /** A PEM file with the CA certificate(s) to trust instead of the JDK trust store. */
        public Builder caFile(Path pem) {
            this.caFile = pem;
            return this;
        }

        public Builder maxEnvelopeSize(int bytes) {
            if (bytes < 8192) {
                throw new IllegalArgumentException("MaxEnvelopeSize must be at least 8192 bytes");
            }
            this.maxEnvelopeSize = bytes;
            return this;
        }

        public Builder operationTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("OperationTimeout must be positive");
            }
            this.operationTimeout = timeout;
            return this;
        }

        /** See {@link ConnectionOptions#connectTimeout()}. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connect timeout");
            return this;
        }

        /** See {@link ConnectionOptions#readTimeout()}; null restores the default (OperationTimeout + margin). */
        public Builder readTimeout(Duration timeout) {
            this.responseTimeout = timeout == null ? null : positive(timeout, "read timeout");
            return this;
        }

        /** See {@link ConnectionOptions#exchangeTimeout()}; null restores the default (read timeout + margin). */
        public Builder exchangeTimeout(Duration timeout) {
            this.exchangeTimeout = timeout == null ? null : positive(timeout, "exchange timeout");
            return this;
        }

        private static Duration positive(Duration d, String what) {
            if (Objects.requireNonNull(d, what).isNegative() || d.isZero()) {
                throw new IllegalArgumentException("the " + what + " must be positive");
            }
            return d;
        }

        /** The w:Locale header; null leaves it out. */
        public Builder locale(Locale locale) {
            this.locale = locale;
            return this;
        }

        /** The p:DataLocale header (MS-WSMV); null (the default) leaves it out. */
        public Builder dataLocale(Locale locale) {
            this.dataLocale = locale;
            return this;
        }

        /** Kept-alive connections to this endpoint; one by default, as WinRM sessions are per connection. */
        public Builder maxConnections(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxConnections must be at least 1");
            }
            this.maxConnections = n;
            return this;
        }

        /** Turns WinRM message encryption off; only for hosts configured with AllowUnencrypted=true. */
        public Builder encryption(boolean on) {
            this.encryption = on;
            return this;
        }

        /** Where Kerberos credentials come from, and explicit realm, KDC or SPN. */
        public Builder kerberos(KerberosOptions kerberos) {
            this.kerberos = java.util.Objects.requireNonNull(kerberos);
            return this;
        }

        /**
         * INSECURE: accept any certificate for any name over HTTPS, so that anyone on the network path can read
         * and change the session. Only for a lab host whose certificate cannot be verified yet.
         */
        public Builder insecureSkipTlsVerification(boolean on) {
            this.insecureSkipTlsVerification = on;
            return this;
        }

        /** The TLS client certificate presented to the host (with {@link AuthMode#CERTIFICATE}). */
        public Builder clientCertificate(ClientCertificate certificate) {
            this.clientCertificate = certificate;
            return this;
        }

        public ConnectionOptions build() {
            return new ConnectionOptions(this);
        }
    }
}
