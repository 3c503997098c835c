package io.hypervwsman.wsman;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.hypervwsman.sim.NegotiateGateway;
import io.hypervwsman.sim.SoapBackend;
import io.hypervwsman.transport.AuthMode;
import io.hypervwsman.transport.ConnectionOptions;
import io.hypervwsman.transport.Credentials;
import io.hypervwsman.transport.auth.ntlm.internal.NtlmServerIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * A WireMock server on 127.0.0.1 serving one case directory of test-fixtures/wsman, reached either
 * directly (plain HTTP, no auth) or through a {@link NegotiateGateway} that demands NTLM and message
 * encryption and decrypts / re-encrypts around the fixtures.
 */
public final class FixtureHost implements AutoCloseable {
    public static final String USER = "LAB\\operator";
    public static final String PASSWORD = "Fixture-Pa55word!";

    /** How the client reaches the fixtures. */
    public enum Mode { PLAIN, NTLM_ENCRYPTED, KERBEROS_ENCRYPTED, NTLM_HTTPS }

    /** The KDC, service keytab and client identity for KERBEROS_ENCRYPTED; set once per test class. */
    record KerberosSetup(io.hypervwsman.transport.auth.kerberos.KerberosRealm realm, Path serviceKeytab,
                         String servicePrincipal, String user, char[] password) {
    }

    static volatile KerberosSetup kerberos;

    private final WireMockServer server;
    private final NegotiateGateway gateway;
    private final Mode mode;

    FixtureHost(String fixtureCase) {
        this(fixtureCase, Mode.PLAIN);
    }

    public FixtureHost(String fixtureCase, Mode mode) {
        this(fixtureCase, mode, "server");
    }

    /** With Mode.NTLM_HTTPS: serve TLS with src/test/resources/tls/{keystore}.p12. */
    public FixtureHost(String fixtureCase, Mode mode, String keystore) {
        Path dir = fixtureRoot().resolve("wsman").resolve(fixtureCase);
        if (!Files.isDirectory(dir.resolve("mappings"))) {
            throw new IllegalArgumentException("no fixture case " + dir);
        }
        this.mode = mode;
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .usingFilesUnderDirectory(dir.toString()));
        server.start();
        URI backend = URI.create("http://127.0.0.1:" + server.port() + "/wsman");
        gateway = mode == Mode.PLAIN ? null : mode == Mode.NTLM_HTTPS ? startHttpsGateway(backend, keystore)
                : startGateway(backend);
        if (mode == Mode.KERBEROS_ENCRYPTED) {
            gateway.acceptKerberos(kerberos.serviceKeytab(), kerberos.servicePrincipal());
        }
    }

    private static NegotiateGateway startGateway(URI backend) {
        try {
            return NegotiateGateway.builder(FixtureHost::password, IDENTITY, forward(backend)).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static NegotiateGateway startHttpsGateway(URI backend, String keystore) {
        try (var in = FixtureHost.class.getResourceAsStream("/tls/" + keystore + ".p12")) {
            java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
            ks.load(in, TLS_PASSWORD);
            javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance(
                    javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, TLS_PASSWORD);
            javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
            tls.init(kmf.getKeyManagers(), null, null);
            java.security.cert.X509Certificate cert = (java.security.cert.X509Certificate) ks.getCertificate("server");
            return NegotiateGateway.builder(FixtureHost::password, IDENTITY, forward(backend)).https(tls, cert).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final char[] TLS_PASSWORD = "changeit".toCharArray();
    private static final NtlmServerIdentity IDENTITY =
            new NtlmServerIdentity("LAB", "HV01", "lab.example", "HV01.lab.example");

    private static Optional<char[]> password(String domain, String user) {
        return "LAB".equalsIgnoreCase(domain) && "operator".equalsIgnoreCase(user)
                ? Optional.of(PASSWORD.toCharArray()) : Optional.empty();
    }

    /** The test CA that signed the server keystores. */
    public static Path testCa() {
        try {
            return Path.of(FixtureHost.class.getResource("/tls/ca.pem").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SoapBackend forward(URI backend) {
        HttpClient http = HttpClient.newHttpClient();
        return envelope -> {
            try {
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(backend)
                        .header("Content-Type", "application/soap+xml;charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(envelope)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                return new SoapBackend.Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        };
    }

    public static Path fixtureRoot() {
        Path p = Paths.get("test-fixtures").toAbsolutePath();
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("test-fixtures not found from " + Paths.get("").toAbsolutePath());
        }
        return p;
    }

    public URI endpoint() {
        return gateway != null ? gateway.endpoint() : URI.create("http://127.0.0.1:" + server.port() + "/wsman");
    }

    ConnectionOptions.Builder optionsBuilder() {
        ConnectionOptions.Builder b = ConnectionOptions.builder(endpoint());
        switch (mode) {
            case PLAIN:
                return b.auth(AuthMode.NONE, null);
            case NTLM_ENCRYPTED:
                return b.auth(AuthMode.NTLM, new Credentials(USER, PASSWORD.toCharArray()));
            case NTLM_HTTPS:
                return b.auth(AuthMode.NTLM, new Credentials(USER, PASSWORD.toCharArray())).caFile(testCa());
            default:
                return b.auth(AuthMode.KERBEROS, new Credentials(kerberos.user(), kerberos.password()))
                        .kerberos(new io.hypervwsman.transport.KerberosOptions(null, null, kerberos.realm().name(),
                                kerberos.realm().kdcs().get(0), kerberos.servicePrincipal()));
        }
    }

    WsManClient client() {
        return WsManClient.connect(optionsBuilder().build());
    }

    WireMockServer server() {
        return server;
    }

    /** The gateway in front of the fixtures, if any. */
    public NegotiateGateway gateway() {
        return gateway;
    }

    @Override
    public void close() {
        if (gateway != null) {
            gateway.close();
        }
        server.stop();
    }
}
