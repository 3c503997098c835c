package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * set-replication (ModifyReplicationSettings with the VM's Msvm_ReplicationSettingData, changed and embedded)
 * against the simulated host: the settings read back afterwards, idempotence, refusals.
 */
class SetReplicationCliTest extends SimulatedScenarioCliTest {
    private static final String DB_SETTINGS = "InstanceID=Microsoft:6D000000-0002-4000-8000-000000000002\\HVR";

    SetReplicationCliTest() {
        super("replication-lifecycle.json");
    }

    private JsonNode settings() {
        return cli.json(0, "wsman", "get", "Msvm_ReplicationSettingData", "--selector", DB_SETTINGS).get("properties");
    }

    @Test
    void changesOnlyTheSettingsGivenThenHasNothingToDo() {
        JsonNode set = cli.json(0, "set-replication", "--vm", "db-01", "--frequency", "30", "--recovery-history", "6",
                "--compression", "off");
        assertEquals("ModifyReplicationSettings", set.get("operation").asText());
        assertEquals("job", set.get("decidedBy").asText());
        JsonNode now = settings();
        assertEquals("30", now.get("ReplicationInterval").asText());
        assertEquals("6", now.get("RecoveryHistory").asText());
        assertEquals("false", now.get("CompressionEnabled").asText());
        assertEquals("hv02.lab.example", now.get("RecoveryConnectionPoint").asText(), "the rest is sent back as it was");
        assertEquals("80", now.get("RecoveryServerPortNumber").asText());

        JsonNode again = cli.json(0, "set-replication", "--vm", "db-01", "--frequency", "30");
        assertEquals("nothing-to-do", again.get("decidedBy").asText());
        assertEquals(1, host.sim.invocations("ModifyReplicationSettings"));
    }

    @Test
    void settingsAreCheckedBeforeConnecting() {
        assertEquals(2, cli.run("set-replication", "--vm", "db-01", "--frequency", "60"));
        assertTrue(cli.err().contains("30, 300 or 900"), cli::err);
        assertEquals(2, cli.run("set-replication", "--vm", "db-01"));
        assertTrue(cli.err().contains("at least one setting"), cli::err);
        assertEquals(0, host.sim.invocations("ModifyReplicationSettings"));
    }

    @Test
    void aVmThatIsNotReplicatedIsRefused() {
        JsonNode j = cli.json(1, "set-replication", "--vm", "erp-01", "--frequency", "30");
        assertEquals("pre-check", j.get("decidedBy").asText());
        assertEquals(0, host.sim.invocations("ModifyReplicationSettings"));
    }
}
