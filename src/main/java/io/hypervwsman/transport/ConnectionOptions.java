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

    private final URI endpoint;
    private final AuthMode authMode;
    private final Credentials credentials;
    private final Path caFile;
    private final int maxEnvelopeSize;
    private final Duration operationTimeout;
    private final Duration connectTimeout;
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

    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * How long to wait for a reply: the host answers within OperationTimeout (or with a TimedOut
     * fault), so the socket waits that long plus a margin for the network and the fault itself.
     */
    public Duration readTimeout() {
        return operationTimeout.plusSeconds(30);
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
        private Duration connectTimeout = Duration.ofSeconds(15);
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

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout);
            return this;
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
