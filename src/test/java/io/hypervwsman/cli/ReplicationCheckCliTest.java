package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypervwsman.hyperv.SimulatedHostFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replication check} exits as a monitoring plugin does (0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN). The simulated
 * clock is 2026-11-24T03:00Z: sql-01 last replicated 5 minutes ago (Normal), web-02 20 minutes ago (Warning), app-03
 * is in the Critical state.
 */
class ReplicationCheckCliTest {
    @TempDir
    Path dir;

    @Test
    void theWorstVmDecidesForTheHost() {
        try (SimulatedHostFixture f = new SimulatedHostFixture(ReplicaReadVerbsCliTest.SCENARIO)) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            assertEquals(2, cli.run("replication", "check", "--max-lag", "15m", "--output", "json"), cli::err);
            JsonNode j = cli.json();
            assertEquals("CRITICAL", j.get("status").asText());
            assertEquals(2, j.get("exitCode").asInt());
            assertEquals(4, j.get("checked").asInt(), "the VM without replication is left out");
            assertEquals("CRITICAL", j.get("vms").get(1).get("status").asText(), j.toString());

            assertEquals(2, cli.run("replication", "check", "--max-lag", "15m"), cli::err);
            assertEquals(1, cli.out().lines().count(), cli.out());
            assertTrue(cli.out().startsWith("REPLICATION CRITICAL - "), cli.out());
            assertTrue(cli.out().contains("app-03: health Critical, state Error"), cli.out());
            assertTrue(cli.out().contains("web-02: health Warning, lag 20m > 15m"), cli.out());
        }
    }

    @Test
    void thresholdsSetTheExitCodeOfOneVm() {
        try (SimulatedHostFixture f = new SimulatedHostFixture(ReplicaReadVerbsCliTest.SCENARIO)) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            assertEquals(0, cli.run("replication", "check", "--vm", "sql-01", "--max-lag", "15m"), cli::err);
            assertEquals("REPLICATION OK - 1 VM replicating normally", cli.out().trim());
            assertEquals(2, cli.run("replication", "check", "--vm", "sql-01", "--max-lag", "4m"), cli::err);
            assertTrue(cli.out().contains("sql-01: lag 5m > 4m"), cli.out());

            assertEquals(1, cli.run("replication", "check", "--vm", "web-02"), cli::err);
            assertEquals("REPLICATION WARNING - web-02: health Warning", cli.out().trim());
            assertEquals(0, cli.run("replication", "check", "--vm", "web-02", "--health-at-least", "critical"));
            assertEquals(1, cli.run("replication", "check", "--vm", "web-02", "--health-at-least", "critical",
                    "--warn-lag", "15m", "--max-lag", "1h"), cli::err);
            assertTrue(cli.out().contains("lag 20m > 15m"), cli.out());
        }
    }

    @Test
    void everythingThatReachesNoVerdictIsUnknown() {
        try (SimulatedHostFixture f = new SimulatedHostFixture(ReplicaReadVerbsCliTest.SCENARIO)) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            assertEquals(3, cli.run("replication", "check", "--vm", "nosuch"));
            assertTrue(cli.err().contains("no virtual machine named nosuch"), cli.err());
            assertEquals(3, cli.run("replication", "check", "--vm", "nosuch", "--output", "json"));
            assertEquals(3, cli.json().get("exitCode").asInt(), "the JSON says the exit code the process has");
            assertEquals(3, cli.run("replication", "check", "--vm", "standalone", "--output", "json"), cli::err);
            assertEquals("UNKNOWN", cli.json().get("status").asText());
            assertEquals(3, cli.run("replication", "check", "--health-at-least", "sometimes"));
            int closed = ClosedPort.closedPort();
            assertEquals(3, cli.runExactly("replication", "check", "--host", "http://127.0.0.1:" + closed + "/wsman",
                    "--auth", "ntlm", "--user", "LAB\\operator", "--password-file", dir.resolve("password").toString()));
        }
    }

    /** A port nothing listens on. */
    static final class ClosedPort {
        static int closedPort() {
            try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
