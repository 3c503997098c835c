package io.hypervwsman.cli;

import io.hypervwsman.hyperv.HyperVHost;
import io.hypervwsman.transport.AuthMode;
import io.hypervwsman.transport.ConnectionOptions;
import io.hypervwsman.transport.Credentials;
import io.hypervwsman.transport.KerberosOptions;
import io.hypervwsman.transport.Transport;
import io.hypervwsman.transport.recording.RecordingTransport;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/** The options every command that talks to a host shares: where, as whom, how, or the embedded simulator. */
final class ConnectionMixin {
    static final String INSECURE_WARNING = "warning: --insecure-skip-tls-verification: the host's certificate and name"
            + " are NOT verified; anyone on the network path can read and change this session";

    @Option(names = "--host", paramLabel = "HOST|URL",
            description = "Host name (http://HOST:5985/wsman, or 5986 with --https) or full endpoint URL.")
    String host;

    @Option(names = "--user", paramLabel = "USER", description = "DOMAIN\\user or user@REALM.")
    String user;

    @Option(names = "--auth", paramLabel = "MODE", defaultValue = "negotiate",
            description = "negotiate (default: Kerberos when a ticket or keytab is available, else NTLM), ntlm, kerberos,"
                    + " basic (HTTPS only), certificate (HTTPS only, with --client-cert).")
    String auth;

    @Option(names = "--client-cert", paramLabel = "FILE",
            description = "Certificate authentication: a PKCS#12 file (password in HYPERV_WSMAN_CERT_PASSWORD, else"
                    + " none), or a PEM certificate with --client-key.")
    Path clientCert;

    @Option(names = "--client-key", paramLabel = "PEM",
            description = "The unencrypted PKCS#8 PEM key (BEGIN PRIVATE KEY) of a PEM --client-cert.")
    Path clientKey;

    @Option(names = "--https", description = "Use HTTPS (port 5986) for a bare host name.")
    boolean https;

    @Option(names = "--ca-file", paramLabel = "PEM", description = "Trust the CA certificate(s) in this PEM file.")
    Path caFile;

    @Option(names = "--insecure-skip-tls-verification",
            description = "INSECURE: do not verify the HTTPS certificate or host name (a warning is printed on every run).")
    boolean insecureSkipTlsVerification;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Read the password from the first line of FILE (else HYPERV_WSMAN_PASSWORD, else a prompt).")
    Path passwordFile;

    @Option(names = "--no-encryption",
            description = "Do not encrypt messages over HTTP (only for hosts with AllowUnencrypted=true).")
    boolean noEncryption;

    @Option(names = "--keytab", paramLabel = "FILE", description = "Kerberos: log in with this keytab.")
    Path keytab;

    @Option(names = "--realm", paramLabel = "REALM", description = "Kerberos realm (no krb5.conf needed with --kdc).")
    String realm;

    @Option(names = "--kdc", paramLabel = "HOST[:PORT]", description = "Kerberos KDC for --realm.")
    String kdc;

    @Option(names = "--spn", paramLabel = "SPN", description = "Kerberos service principal (default HTTP/<host>).")
    String spn;

    @Option(names = "--operation-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "WS-Management OperationTimeout per request (default 60s).")
    Duration operationTimeout;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time allowed for TCP connect, the TLS handshake and the host's first authentication answer"
                    + " (default 10s).")
    Duration connectTimeout;

    @Option(names = "--read-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time allowed for the first byte of a reply, and between bytes (default --operation-timeout"
                    + " + 15s).")
    Duration readTimeout;

    @Option(names = "--exchange-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time allowed for one whole request and reply, however the bytes trickle in (default"
                    + " --read-timeout + 45s).")
    Duration exchangeTimeout;

    @Option(names = "--simulate", description = "Run against an embedded simulated Hyper-V host (no real host needed).")
    boolean simulate;

    @Option(names = "--scenario", paramLabel = "FILE", description = "With --simulate: the scenario file to load.")
    Path scenario;

    @Option(names = "--record", paramLabel = "DIR",
            description = "Write every exchange, decrypted and without secrets, as WireMock mappings under DIR.")
    Path record;

    @Option(names = "--pseudonymize",
            description = "With --record: replace host names, user names and GUIDs with consistent pseudonyms.")
    boolean pseudonymize;

    /** A connected host and whatever must be closed with it (e.g. the embedded simulator). */
    record Session(HyperVHost host, String label, AutoCloseable resource) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            try {
                host.close();
            } finally {
                if (resource != null) {
                    resource.close();
                }
            }
        }
    }

    String label() {
        return simulate ? "simulated-host" : host;
    }

    Session open(Terminal terminal) {
        checkRecording();
        if (simulate) {
            EmbeddedSimulator sim = EmbeddedSimulator.start(scenario);
            ConnectionOptions o = ConnectionOptions.builder(sim.endpoint())
                    .auth(AuthMode.NTLM, new Credentials(sim.user(), sim.password())).build();
            return new Session(connect(o).name(sim.hostName()).clock(terminal.clock())
                    .sleeper(terminal.sleeper()).build(), sim.hostName(), sim);
        }
        if (host == null || host.isBlank()) {
            throw new UsageException("--host is required (or --simulate to try the embedded simulated host)");
        }
        if (scenario != null) {
            throw new UsageException("--scenario goes with --simulate");
        }
        ConnectionOptions options = options(terminal);
        if (terminal.interactive()) {
            terminal.err().println(connectingLine(options));
        }
        return new Session(connect(options).name(host).clock(terminal.clock())
                .sleeper(terminal.sleeper()).build(), host, null);
    }

    /** The one status line a person at a terminal sees before the first exchange. */
    static String connectingLine(ConnectionOptions options) {
        return "connecting to " + options.endpoint() + " (" + options.authMode().name().toLowerCase(Locale.ROOT)
                + options.credentials().map(c -> " as " + c.user()).orElse("") + ", connect timeout "
                + options.connectTimeout().toSeconds() + "s) ...";
    }

    private void checkRecording() {
        if (pseudonymize && record == null) {
            throw new UsageException("--pseudonymize goes with --record DIR");
        }
        if (record != null && Files.isDirectory(record.resolve("mappings"))) {
            try (Stream<Path> existing = Files.list(record.resolve("mappings"))) {
                if (existing.findAny().isPresent()) {
                    throw new UsageException(record + " already holds a recording; record into an empty directory");
                }
            } catch (IOException e) {
                throw new UsageException("cannot read " + record + ": " + e.getMessage());
            }
        }
    }

    /**
     * The WS-Man client; with --record its transport writes every decrypted exchange when the session closes, or
     * when the process is stopped first (Ctrl-C, SIGTERM).
     */
    /** The host over the usual transport, or with --record over a recording decorator of it. */
    private HyperVHost.Builder connect(ConnectionOptions options) {
        UnaryOperator<Transport> around = record == null ? t -> t
                : t -> new RecordingTransport(t, record, options, pseudonymize).writeOnExit();
        return HyperVHost.builder().connect(options, around);
    }

    ConnectionOptions options(Terminal terminal) {
        URI endpoint;
        try {
            endpoint = ConnectionOptions.endpointFor(host.trim(), https);
            if (endpoint.getHost() == null) {
                throw new IllegalArgumentException("no host");
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException("--host " + host + " is not a host name or an http(s) URL");
        }
        if (insecureSkipTlsVerification) {
            if (!"https".equalsIgnoreCase(endpoint.getScheme())) {
                throw new UsageException("--insecure-skip-tls-verification applies only to HTTPS (--https or an https://"
                        + " URL)");
            }
            if (caFile != null) {
                throw new UsageException("--insecure-skip-tls-verification and --ca-file contradict each other");
            }
            terminal.err().println(INSECURE_WARNING);
        }
        AuthMode mode = authMode();
        ConnectionOptions.Builder b;
        try {
            b = ConnectionOptions.builder(endpoint);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Credentials credentials = null;
        if (mode == AuthMode.CERTIFICATE) {
            b.clientCertificate(clientCertificate(terminal));
        } else if (clientCert != null || clientKey != null) {
            throw new UsageException("--client-cert and --client-key go with --auth certificate");
        }
        if (mode != AuthMode.NONE && mode != AuthMode.CERTIFICATE) {
            if (user == null || user.isBlank()) {
                if (mode == AuthMode.KERBEROS && keytab == null) {
                    credentials = null;
                } else {
                    throw new UsageException("--user is required for " + mode.name().toLowerCase(Locale.ROOT)
                            + " authentication");
                }
            } else if (mode == AuthMode.KERBEROS && keytab != null) {
                credentials = new Credentials(user, new char[0]);
            } else {
                credentials = new Credentials(user, PasswordSource.read(terminal.env(), passwordFile,
                        terminal.console(), user));
            }
        }
        b.auth(mode, credentials).caFile(caFile).insecureSkipTlsVerification(insecureSkipTlsVerification)
                .encryption(!noEncryption)
                .kerberos(new KerberosOptions(keytab, null, realm, kdc, spn));
        if (operationTimeout != null) {
            b.operationTimeout(operationTimeout);
        }
        if (connectTimeout != null) {
            b.connectTimeout(connectTimeout);
        }
        return b.readTimeout(readTimeout).exchangeTimeout(exchangeTimeout).build();
    }

    private io.hypervwsman.transport.ClientCertificate clientCertificate(Terminal terminal) {
        if (clientCert == null) {
            throw new UsageException("--auth certificate needs --client-cert FILE (PKCS#12, or PEM with --client-key)");
        }
        if (clientKey != null) {
            return io.hypervwsman.transport.ClientCertificate.fromPem(clientCert, clientKey);
        }
        String name = clientCert.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer")) {
            throw new UsageException("a PEM --client-cert needs its key: --client-key KEY.pem");
        }
        String pw = terminal.env().get("HYPERV_WSMAN_CERT_PASSWORD");
        char[] password = pw == null ? new char[0] : pw.toCharArray();
        try {
            return io.hypervwsman.transport.ClientCertificate.fromPkcs12(clientCert, password);
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    private AuthMode authMode() {
        switch (auth.toLowerCase(Locale.ROOT)) {
            case "negotiate": return AuthMode.NEGOTIATE;
            case "ntlm": return AuthMode.NTLM;
            case "kerberos": return AuthMode.KERBEROS;
            case "basic": return AuthMode.BASIC;
            case "none": return AuthMode.NONE;
            case "certificate": return AuthMode.CERTIFICATE;
            default: throw new UsageException("--auth must be negotiate, ntlm, kerberos, basic or certificate, not "
                    + auth);
        }
    }
}
