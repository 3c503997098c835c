package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * A Replica's life end to end through the CLI against the simulated host (scenario replication-lifecycle.json):
 * enable-replication, start-initial-replication, measure-replication, suspend, resume, remove-replication; and
 * enable/start-initial's own idempotence and refusals.
 */
class ReplicationLifecycleCliTest extends SimulatedScenarioCliTest {
    ReplicationLifecycleCliTest() {
        super("replication-lifecycle.json");
    }

    @Test
    void enableStartMeasureSuspendResumeRemove() {
        JsonNode enabled = cli.json(0, "enable-replication", "--vm", "erp-01", "--replica-server", "hv02.lab.example",
                "--recovery-history", "4", "--frequency", "30");
        assertEquals("CreateReplicationRelationship", enabled.get("operation").asText());
        assertTrue(enabled.get("changed").asBoolean());
        assertEquals(1, host.sim.replicationMode("erp-01"));
        assertEquals(1, host.sim.replicationState("erp-01"));
        assertEquals("hv02.lab.example:80", host.sim.replicationTarget("erp-01"));
        JsonNode settings = cli.json(0, "wsman", "get", "Msvm_ReplicationSettingData", "--selector",
                "InstanceID=Microsoft:6D000000-0001-4000-8000-000000000001\\HVR").get("properties");
        assertEquals("4", settings.get("RecoveryHistory").asText(), "read back from the host, not echoed");
        assertEquals("30", settings.get("ReplicationInterval").asText());
        assertEquals("1", settings.get("AuthenticationType").asText());

        JsonNode started = cli.json(0, "start-initial-replication", "--vm", "erp-01");
        assertEquals("StartReplication", started.get("operation").asText());
        assertEquals("job", started.get("decidedBy").asText());
        assertEquals(3, host.sim.replicationState("erp-01"));

        JsonNode measured = cli.json(0, "measure-replication", "--vm", "erp-01");
        assertEquals("Replicating", measured.get("state").asText());
        assertEquals("Primary", measured.get("mode").asText());

        assertEquals("RequestReplicationStateChange", cli.json(0, "suspend-replication", "--vm", "erp-01").get("operation")
                .asText());
        assertEquals(7, host.sim.replicationState("erp-01"));
        assertEquals("nothing-to-do", cli.json(0, "suspend-replication", "--vm", "erp-01").get("decidedBy").asText());

        cli.json(0, "resume-replication", "--vm", "erp-01");
        assertEquals(3, host.sim.replicationState("erp-01"));
        assertEquals("nothing-to-do", cli.json(0, "resume-replication", "--vm", "erp-01").get("decidedBy").asText());

        JsonNode removed = cli.json(0, "remove-replication", "--vm", "erp-01");
        assertTrue(removed.get("changed").asBoolean());
        assertEquals(0, host.sim.replicationMode("erp-01"));
        JsonNode again = cli.json(0, "remove-replication", "--vm", "erp-01");
        assertFalse(again.get("changed").asBoolean());
        assertEquals("nothing to do: erp-01 is not replicated", again.get("message").asText());

        assertEquals(1, host.sim.invocations("CreateReplicationRelationship"));
        assertEquals(1, host.sim.invocations("StartReplication"));
        assertEquals(2, host.sim.invocations("RequestReplicationStateChange"));
        assertEquals(1, host.sim.invocations("RemoveReplicationRelationship"));
    }

    @Test
    void enablingAgainToTheSameServerHasNothingToDoAndToAnotherIsRefused() {
        JsonNode same = cli.json(0, "enable-replication", "--vm", "db-01", "--replica-server", "HV02.lab.example");
        assertEquals("nothing-to-do", same.get("decidedBy").asText());
        JsonNode other = cli.json(1, "enable-replication", "--vm", "db-01", "--replica-server", "hv03.lab.example");
        assertEquals("pre-check", other.get("decidedBy").asText());
        assertTrue(other.get("message").asText().contains("remove-replication first"), other::toString);
        assertEquals(0, host.sim.invocations("CreateReplicationRelationship"));
    }

    @Test
    void enableReplicationValidatesItsSettingsBeforeConnecting() {
        assertEquals(2, cli.run("enable-replication", "--vm", "erp-01", "--replica-server", "hv02", "--frequency",
                "60"));
        assertTrue(cli.err().contains("30, 300 or 900"), cli::err);
        assertEquals(2, cli.run("enable-replication", "--vm", "erp-01", "--replica-server", "hv02",
                "--replica-authentication", "certificate"));
        assertTrue(cli.err().contains("thumbprint"), cli::err);
    }

    @Test
    void initialReplicationNeedsAPrimaryThatIsReady() {
        assertEquals("nothing-to-do", cli.json(0, "start-initial-replication", "--vm", "db-01").get("decidedBy").asText());
        assertEquals(1, cli.run("start-initial-replication", "--vm", "erp-01"));
        assertTrue(cli.err().contains("erp-01 is not replicated"), cli::err);
        assertEquals(0, host.sim.invocations("StartReplication"));
    }
}
