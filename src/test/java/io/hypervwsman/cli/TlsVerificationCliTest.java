package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.hyperv.SimulatedHostFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * HTTPS against the simulated host (NTLM bound to the certificate): verified by default, a CA file on request, and a
 * loudly named option that skips verification and says so on every run. A refused certificate sends nothing.
 */
class TlsVerificationCliTest {
    private static final String VM = "web-frontend-01";
    @TempDir
    Path dir;

    @Test
    void aCertificateFromTheGivenCaFileIsTrustedAndTheRevertRuns() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default", "server")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            assertTrue(f.sim.endpoint().toString().startsWith("https://"));

            assertEquals(0, cli.run("revert-failover", "--vm", VM, "--ca-file", SimulatedHostFixture.testCa().toString()),
                    cli::err);
            assertTrue(cli.out().startsWith("succeeded: "), cli.out());
            assertTrue(!cli.err().contains("warning: --insecure"), cli.err());
            assertEquals(1, cli.reverts());
        }
    }

    @Test
    void withoutTheCaFileTheJdkTrustStoreRefusesTheTestCa() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default", "server")) {
            SimulatedCli cli = new SimulatedCli(f, dir);

            assertEquals(4, cli.run("revert-failover", "--vm", VM), cli::err);
            assertTrue(cli.err().startsWith("error: TLS handshake with 127.0.0.1:"), cli.err());
            assertTrue(cli.err().contains("--ca-file"), cli.err());
            assertEquals(0, f.sim.gateway().requestCount());
            assertEquals(0, cli.reverts());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"untrusted", "expired", "wronghost"})
    void aBadCertificateIsRefusedBeforeAnythingIsSent(String keystore) {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default", keystore)) {
            SimulatedCli cli = new SimulatedCli(f, dir);

            assertEquals(4, cli.run("revert-failover", "--vm", VM, "--output", "json", "--ca-file",
                    SimulatedHostFixture.testCa().toString()), cli::err);
            assertEquals("failed", cli.json().get("outcome").asText());
            assertTrue(cli.json().get("message").asText().startsWith("TLS handshake with"), cli.out() + cli.err());
            assertEquals(4, cli.json().get("exitCode").asInt());
            assertEquals(0, f.sim.gateway().requestCount());
            assertEquals(0, cli.reverts());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"untrusted", "wronghost"})
    void skippingVerificationConnectsAndWarnsOnEveryRun(String keystore) {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default", keystore)) {
            SimulatedCli cli = new SimulatedCli(f, dir);

            for (int run = 0; run < 2; run++) {
                assertEquals(0, cli.run("replication", "status", "--vm", VM, "--insecure-skip-tls-verification"),
                        cli::err);
                assertTrue(cli.err().startsWith(ConnectionMixin.INSECURE_WARNING + System.lineSeparator()), cli.err());
                assertTrue(cli.out().contains("FailedOverWaitingCompletion"), cli.out());
            }
            assertEquals(2, f.sim.gateway().completedHandshakes(), "NTLM still bound to the presented certificate");
        }
    }

    @Test
    void skippingVerificationIsRefusedOverPlainHttpAndWithACaFile() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            assertEquals(2, cli.run("vms", "--insecure-skip-tls-verification"));
            assertTrue(cli.err().contains("applies only to HTTPS"), cli.err());
            assertEquals(2, cli.runExactly("vms", "--host", "hv01", "--https", "--insecure-skip-tls-verification",
                    "--ca-file", SimulatedHostFixture.testCa().toString()));
            assertTrue(cli.err().contains("contradict"), cli.err());
            assertEquals(0, f.sim.gateway().requestCount());
        }
    }
}
