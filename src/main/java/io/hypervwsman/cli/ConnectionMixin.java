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
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/** The options every command that talks to a host shares: where, as whom, how, or the embedded simulator. */
final class ConnectionMixin {
    static final String INSECURE_WARNING = "warning: --insecure-skip-tls-verification: the host's certificate and name"
            + " are NOT verified; anyone on the network path can read and change this session";

    @Option(names = "--host", paramLabel = "NAME|HOST|URL",
            description = "A host profile's name (config file, see README), a host name (http://HOST:5985/wsman, or"
                    + " 5986 with --https) or a full endpoint URL.")
    String host;

    @Option(names = "--user", paramLabel = "USER", description = "DOMAIN\\user or user@REALM.")
    String user;

    @Option(names = "--auth", paramLabel = "MODE",
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

    @Option(names = "--scenario", paramLabel = "NAME|FILE",
            description = "With --simulate: a bundled scenario (${COMPLETION-CANDIDATES}) or a scenario file.",
            completionCandidates = BundledScenarios.class)
    String scenario;

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
            checkSimulateAlone();
            EmbeddedSimulator sim = EmbeddedSimulator.start(scenario);
            ConnectionOptions o = ConnectionOptions.builder(sim.endpoint())
                    .auth(AuthMode.NTLM, new Credentials(sim.user(), sim.password())).build();
            return new Session(connect(o).name(sim.hostName()).clock(terminal.clock())
                    .sleeper(terminal.sleeper()).build(), sim.hostName(), sim);
        }
        if (host == null || host.isBlank()) {
            throw new UsageException("--host is required", "--host HOST (or a host profile name, or a full URL such as"
                    + " https://HOST:5986/wsman); --simulate tries the embedded simulated host");
        }
        if (scenario != null) {
            throw new UsageException("--scenario goes with --simulate");
        }
        ConnectionOptions options = withProfile(HostProfiles.load(terminal.env())).options(terminal);
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

    /**
     * --simulate talks only to the embedded simulated host: an option meant for a real host would be silently
     * ignored, and the result read as if it came from that host.
     */
    private void checkSimulateAlone() {
        java.util.List<String> real = new java.util.ArrayList<>();
        addIf(real, host != null, "--host");
        addIf(real, user != null, "--user");
        addIf(real, auth != null, "--auth");
        addIf(real, clientCert != null, "--client-cert");
        addIf(real, clientKey != null, "--client-key");
        addIf(real, https, "--https");
        addIf(real, caFile != null, "--ca-file");
        addIf(real, insecureSkipTlsVerification, "--insecure-skip-tls-verification");
        addIf(real, passwordFile != null, "--password-file");
        addIf(real, noEncryption, "--no-encryption");
        addIf(real, keytab != null, "--keytab");
        addIf(real, realm != null, "--realm");
        addIf(real, kdc != null, "--kdc");
        addIf(real, spn != null, "--spn");
        if (!real.isEmpty()) {
            throw new UsageException("--simulate runs against the embedded simulated host only; it cannot go with "
                    + String.join(", ", real), "drop --simulate to reach a real host, or drop " + String.join(", ", real)
                    + " to try the simulated one");
        }
    }

    private static void addIf(java.util.List<String> list, boolean given, String option) {
        if (given) {
            list.add(option);
        }
    }

    /**
     * The connection options as given, for a command the CLI prints for the operator to paste (resume waiting,
     * check the state): it reaches the same endpoint the same way. Never a secret: the password stays where it
     * was (its file, the environment, a prompt).
     */
    String resumeArguments() {
        if (simulate) {
            return " --simulate" + (scenario == null ? "" : " --scenario " + ShellWords.quote(absolute(scenario)))
                    + timeoutArguments();
        }
        StringBuilder b = new StringBuilder();
        append(b, "--host", host);
        flag(b, "--https", https);
        append(b, "--auth", auth);
        append(b, "--user", user);
        append(b, "--password-file", passwordFile);
        append(b, "--ca-file", caFile);
        flag(b, "--insecure-skip-tls-verification", insecureSkipTlsVerification);
        append(b, "--client-cert", clientCert);
        append(b, "--client-key", clientKey);
        flag(b, "--no-encryption", noEncryption);
        append(b, "--keytab", keytab);
        append(b, "--realm", realm);
        append(b, "--kdc", kdc);
        append(b, "--spn", spn);
        return b.append(timeoutArguments()).toString();
    }

    /** The timeouts as given, in the CLI's own duration words (e.g. 1h30m), so a pasted command waits as long. */
    private String timeoutArguments() {
        StringBuilder b = new StringBuilder();
        append(b, "--operation-timeout", DurationConverter.words(operationTimeout));
        append(b, "--connect-timeout", DurationConverter.words(connectTimeout));
        append(b, "--read-timeout", DurationConverter.words(readTimeout));
        append(b, "--exchange-timeout", DurationConverter.words(exchangeTimeout));
        return b.toString();
    }

    private static void append(StringBuilder b, String option, Object value) {
        if (value != null) {
            String text = value instanceof Path p ? p.toAbsolutePath().normalize().toString() : value.toString();
            b.append(' ').append(option).append(' ').append(ShellWords.quote(text));
        }
    }

    private static void flag(StringBuilder b, String option, boolean given) {
        if (given) {
            b.append(' ').append(option);
        }
    }

    private static String absolute(String scenario) {
        return BundledScenarios.isBundled(scenario) ? scenario : Path.of(scenario).toAbsolutePath().normalize()
                .toString();
    }

    /**
     * These options over the profile --host names, if the config file has one: an option given on the command line
     * wins, the profile fills in the rest.
     */
    ConnectionMixin withProfile(HostProfiles profiles) {
        Optional<HostProfile> found = profiles.find(host.trim());
        if (found.isEmpty()) {
            return this;
        }
        HostProfile p = found.get();
        if (p.endpoint() == null) {
            throw new UsageException(profiles.file() + ": hosts." + p.name() + " has no endpoint");
        }
        ConnectionMixin m = new ConnectionMixin();
        m.host = p.endpoint();
        m.https = https || Boolean.TRUE.equals(p.https());
        m.auth = auth != null ? auth : p.auth();
        m.user = user != null ? user : p.user();
        m.caFile = caFile != null ? caFile : p.caFile();
        m.passwordFile = passwordFile != null ? passwordFile : p.passwordFile();
        m.keytab = keytab != null ? keytab : p.keytab();
        m.realm = realm != null ? realm : p.realm();
        m.kdc = kdc != null ? kdc : p.kdc();
        m.spn = spn != null ? spn : p.spn();
        m.clientCert = clientCert != null ? clientCert : p.clientCert();
        m.clientKey = clientKey != null ? clientKey : p.clientKey();
        m.insecureSkipTlsVerification = insecureSkipTlsVerification;
        m.noEncryption = noEncryption;
        m.operationTimeout = operationTimeout;
        m.connectTimeout = connectTimeout;
        m.readTimeout = readTimeout;
        m.exchangeTimeout = exchangeTimeout;
        return m;
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
        ClientWarmUp.awaitDone();
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
                            + " authentication", "add --user 'DOMAIN\\user' (NTLM) or --user user@REALM (Kerberos),"
                            + " or set user: in the host's profile; the password comes from " + PasswordSource.ENV
                            + ", --password-file FILE or a prompt");
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
        switch (auth == null ? "negotiate" : auth.toLowerCase(Locale.ROOT)) {
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
