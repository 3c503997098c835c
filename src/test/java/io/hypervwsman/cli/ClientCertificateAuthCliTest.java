package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypervwsman.hyperv.SimulatedHostFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * WinRM certificate authentication over HTTPS: the client presents a TLS client certificate and sends the
 * {@code .../secprofile/https/mutual} Authorization header; the simulated host serves only sessions whose client
 * certificate it trusts. No password is involved.
 */
class ClientCertificateAuthCliTest {
    private SimulatedHostFixture host;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() {
        host = new SimulatedHostFixture("default", "server", "client");
    }

    @AfterEach
    void stop() {
        host.close();
    }

    private static Path tls(String file) {
        return SimulatedHostFixture.testCa().resolveSibling(file);
    }

    private int run(Map<String, String> env, String... args) {
        out.reset();
        err.reset();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--host", host.sim.endpoint().toString(), "--ca-file", SimulatedHostFixture.testCa().toString()));
        return Main.run(all.toArray(String[]::new), new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), null, env, host.clock, d -> host.clock.advance(d)));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aPkcs12ClientCertificateRevertsAFailover() throws Exception {
        assertEquals(0, run(Map.of("HYPERV_WSMAN_CERT_PASSWORD", "changeit"), "revert-failover", "--vm",
                "web-frontend-01", "--auth", "certificate", "--client-cert", tls("client.p12").toString(),
                "--output", "json"), this::err);
        JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals("succeeded", json.get("outcome").asText());
        assertEquals(1, host.sim.invocations("RevertFailover"));
    }

    @Test
    void aPemCertificateAndKeyWorkToo() {
        assertEquals(0, run(Map.of(), "vms", "--auth", "certificate", "--client-cert", tls("client-cert.pem").toString(),
                "--client-key", tls("client-key.pem").toString()), this::err);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("web-frontend-01"), out::toString);
    }

    @Test
    void aCertificateTheHostDoesNotTrustIsRefusedAndNothingIsInvoked() {
        int code = run(Map.of("HYPERV_WSMAN_CERT_PASSWORD", "changeit"), "revert-failover", "--vm", "web-frontend-01",
                "--auth", "certificate", "--client-cert", tls("other-client.p12").toString());
        assertEquals(4, code, err());
        assertTrue(err().contains("it does not accept the client certificate CN=operator"), err());
        assertTrue(err().startsWith("error: "), err());
        assertFalse(err().contains("\tat "), "one line, no stack trace");
        assertEquals(0, host.sim.invocations("RevertFailover"));
    }

    @Test
    void theHeaderWithoutACertificateIsRefusedByTheHost() throws Exception {
        javax.net.ssl.SSLContext trustCa = javax.net.ssl.SSLContext.getInstance("TLS");
        java.security.KeyStore ca = java.security.KeyStore.getInstance("PKCS12");
        ca.load(null, null);
        try (var in = java.nio.file.Files.newInputStream(SimulatedHostFixture.testCa())) {
            ca.setCertificateEntry("ca", java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(in));
        }
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ca);
        trustCa.init(null, tmf.getTrustManagers(), null);
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newBuilder().sslContext(trustCa).build().send(
                java.net.http.HttpRequest.newBuilder(host.sim.endpoint())
                        .header("Authorization", "http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/https/mutual")
                        .header("Content-Type", "application/soap+xml;charset=UTF-8")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("<x/>")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(401, r.statusCode());
    }

    @Test
    void aWrongKeystorePasswordSaysWhereThePasswordComesFrom() {
        assertEquals(2, run(Map.of("HYPERV_WSMAN_CERT_PASSWORD", "wrong"), "vms", "--auth", "certificate",
                "--client-cert", tls("client.p12").toString()));
        assertTrue(err().contains("cannot read the client certificate") && err().contains("HYPERV_WSMAN_CERT_PASSWORD"),
                err());
        assertFalse(err().contains("wrong"), "the password is never printed: " + err());
    }

    @Test
    void misuseIsAUsageError() {
        assertEquals(2, run(Map.of(), "vms", "--auth", "certificate"));
        assertTrue(err().contains("--auth certificate needs --client-cert"), err());
        assertEquals(2, run(Map.of(), "vms", "--auth", "certificate", "--client-cert", tls("client-cert.pem").toString()));
        assertTrue(err().contains("a PEM --client-cert needs its key"), err());
        assertEquals(2, run(Map.of(), "vms", "--auth", "ntlm", "--user", "LAB\\operator", "--client-cert",
                tls("client.p12").toString()));
        assertTrue(err().contains("--client-cert and --client-key go with --auth certificate"), err());
        assertEquals(2, run(Map.of(), "vms", "--auth", "certificate", "--client-cert", tls("missing.p12").toString()));
        assertTrue(err().contains("cannot read the client certificate") && err().contains("no such file"), err());
    }
}
