package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypervwsman.hyperv.SimulatedHostFixture;
import io.hypervwsman.sim.HostFault;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** test-replication-connection through the CLI against the simulated host (its peer Replica server is HV02). */
class TestReplicationConnectionCliTest {
    @TempDir
    Path dir;

    @Test
    void aReachableReplicaServerSucceedsAndChangesNothing() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            JsonNode j = cli.json(0, "test-replication-connection", "--replica-server", "HV02.lab.example");
            assertEquals("test-replication-connection", j.get("operation").asText());
            assertEquals("TestReplicationConnection", j.get("wmiMethod").asText());
            assertEquals("succeeded", j.get("outcome").asText());
            assertEquals("job", j.get("decidedBy").asText());
            assertFalse(j.get("changed").asBoolean());
            assertTrue(j.get("vm").isNull());
            assertEquals("Completed", j.get("job").get("state").asText());

            assertEquals(0, cli.run("test-replication-connection", "--replica-server", "HV02",
                    "--replica-authentication", "certificate", "--certificate-thumbprint",
                    "0123456789ABCDEF0123456789ABCDEF01234567"), cli::err);
            assertTrue(cli.out().contains("succeeded: test-replication-connection completed for "), cli.out());
            assertTrue(cli.out().contains(": to HV02:443 with Certificate authentication"), cli.out());
            assertEquals(2, f.sim.invocations("TestReplicationConnection"));
        }
    }

    @Test
    void anUnreachableReplicaServerFailsWithTheHostsReason() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            JsonNode j = cli.json(1, "test-replication-connection", "--replica-server", "HV02",
                    "--replica-port", "8080");
            assertEquals("failed", j.get("outcome").asText());
            assertEquals("job", j.get("decidedBy").asText());
            assertEquals("Exception", j.get("job").get("state").asText());
            assertTrue(j.get("message").asText().contains("cannot connect to the specified Replica server 'HV02'"),
                    j.toString());
            assertTrue(j.get("job").get("errors").get(0).asText().contains("port 8080"), j.toString());

            assertEquals(1, cli.run("test-replication-connection", "--replica-server", "nosuch.lab.example"));
            assertTrue(cli.out().contains("failed: test-replication-connection failed for "), cli.out());
            assertTrue(cli.err().contains("host error: Hyper-V cannot connect"), cli.err());
        }
    }

    @Test
    void aDryRunAndABadCommandLineInvokeNothing() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            JsonNode j = cli.json(0, "test-replication-connection", "--replica-server", "HV02", "--dry-run");
            assertEquals("planned", j.get("outcome").asText());
            assertTrue(j.get("message").asText().startsWith("dry run: would run test-replication-connection on"),
                    j.toString());
            assertEquals(2, cli.run("test-replication-connection", "--replica-server", "HV02",
                    "--replica-authentication", "certificate"));
            assertTrue(cli.err().contains("thumbprint"), cli.err());
            assertEquals(0, f.sim.invocations("TestReplicationConnection"));
        }
    }

    @Test
    void aLostReplyIsNotResent() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            f.sim.faults().once(HostFault.DROP_AFTER_PROCESSING, "TestReplicationConnection");
            JsonNode j = cli.json(0, "test-replication-connection", "--replica-server", "HV02");
            assertEquals("job-found", j.get("decidedBy").asText(), j.toString());
            assertEquals(1, f.sim.invocations("TestReplicationConnection"));
        }
    }
}
