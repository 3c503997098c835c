package io.hypervwsman.hyperv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hypervwsman.hyperv.replica.DecidedBy;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.Outcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import io.hypervwsman.sim.ManualClock;
import io.hypervwsman.sim.Scenario;
import io.hypervwsman.sim.SimulatedHost;
import io.hypervwsman.transport.AuthMode;
import io.hypervwsman.transport.ConnectionOptions;
import io.hypervwsman.transport.Credentials;
import io.hypervwsman.wsman.WsManClient;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulated Hyper-V host on a manual clock, and a client whose waits advance that clock: job
 * progress, timeouts and job removal happen in simulated time, so tests neither sleep nor race.
 */
public final class SimulatedHostFixture implements AutoCloseable {
    public static final String USER = "LAB\\operator";
    public static final String PASSWORD = "Sim-Pa55word!";

    public final ManualClock clock = new ManualClock(Instant.parse("2026-11-24T03:00:00Z"));
    public final SimulatedHost sim;
    public final List<JobReport> progress = new ArrayList<>();
    private final List<HyperVHost> hosts = new ArrayList<>();

    public SimulatedHostFixture(String scenario) {
        sim = SimulatedHost.start(scenario(scenario), USER, PASSWORD.toCharArray(), clock);
    }

    /** Over HTTPS, serving the certificate of src/test/resources/tls/{keystore}.p12 (signed by tls/ca.pem). */
    public SimulatedHostFixture(String scenario, String keystore) {
        this(scenario, keystore, null);
    }

    /**
     * Over HTTPS as above; with {@code trustedClient}, also accepting WinRM certificate authentication from the
     * client certificate of src/test/resources/tls/{trustedClient}.p12 (the host trusts exactly that certificate).
     */
    public SimulatedHostFixture(String scenario, String keystore, String trustedClient) {
        try {
            char[] storePassword = "changeit".toCharArray();
            java.security.KeyStore ks = keystore(keystore, storePassword);
            javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance(
                    javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, storePassword);
            javax.net.ssl.TrustManager[] clients = null;
            if (trustedClient != null) {
                java.security.KeyStore trusted = java.security.KeyStore.getInstance("PKCS12");
                trusted.load(null, null);
                trusted.setCertificateEntry("client", keystore(trustedClient, storePassword).getCertificate("client"));
                javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                        javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trusted);
                clients = tmf.getTrustManagers();
            }
            javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
            tls.init(kmf.getKeyManagers(), clients, null);
            java.security.cert.X509Certificate served = (java.security.cert.X509Certificate) ks.getCertificate("server");
            sim = trustedClient == null
                    ? SimulatedHost.startHttps(scenario(scenario), USER, PASSWORD.toCharArray(), clock, tls, served)
                    : SimulatedHost.startHttpsWithClientCertificates(scenario(scenario), USER, PASSWORD.toCharArray(),
                            clock, tls, served);
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the test keystores " + keystore + ", " + trustedClient, e);
        }
    }

    private static java.security.KeyStore keystore(String name, char[] password)
            throws java.io.IOException, java.security.GeneralSecurityException {
        try (var in = SimulatedHostFixture.class.getResourceAsStream("/tls/" + name + ".p12")) {
            java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            return ks;
        }
    }

    private static Scenario scenario(String scenario) {
        return scenario.endsWith(".json") ? Scenario.load(testScenario(scenario)) : Scenario.fromResource(scenario);
    }

    /** The test CA that signed the server keystores, as a PEM file. */
    public static Path testCa() {
        try {
            return Path.of(SimulatedHostFixture.class.getResource("/tls/ca.pem").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path testScenario(String file) {
        return Paths.get("src/test/resources/scenarios").resolve(file).toAbsolutePath();
    }

    /** A client session over NTLM with encryption; its waits advance the simulated clock. */
    public HyperVHost host() {
        return host(d -> clock.advance(d));
    }

    public HyperVHost host(Sleeper sleeper) {
        ConnectionOptions o = ConnectionOptions.builder(sim.endpoint())
                .auth(AuthMode.NTLM, new Credentials(USER, PASSWORD.toCharArray())).build();
        HyperVHost h = HyperVHost.builder()
                .client(WsManClient.connect(o), "HV01").clock(clock).sleeper(sleeper).build();
        hosts.add(h);
        return h;
    }

    /** The Replica operations of a new {@link #host()}. */
    public ReplicaOperations replica() {
        return ReplicaOperations.of(host());
    }

    /** Asserts that an operation was refused before anything was invoked, and returns its outcome. */
    public static OperationOutcome refused(OperationOutcome o) {
        assertEquals(Outcome.FAILED, o.outcome(), o.message());
        assertEquals(DecidedBy.PRE_CHECK, o.decidedBy(), o.message());
        return o;
    }

    public OperationOptions options() {
        return OperationOptions.defaults().withListener(progress::add);
    }

    public OperationOptions options(Duration timeout) {
        return options().withTimeout(timeout);
    }

    @Override
    public void close() {
        hosts.forEach(HyperVHost::close);
        sim.close();
    }
}
