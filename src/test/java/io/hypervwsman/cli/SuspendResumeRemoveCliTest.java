package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * suspend-replication, resume-replication (RequestReplicationStateChange 7/3) and remove-replication
 * (RemoveReplicationRelationship) against the simulated host (replication-lifecycle.json): the state read back,
 * idempotence, pre-check and host refusals.
 */
class SuspendResumeRemoveCliTest extends SimulatedScenarioCliTest {
    SuspendResumeRemoveCliTest() {
        super("replication-lifecycle.json");
    }

    private int stateChanges() {
        return host.sim.invocations("RequestReplicationStateChange");
    }

    @Test
    void suspendThenResumeEachOnceThenNothingToDo() {
        JsonNode suspended = cli.json(0, "suspend-replication", "--vm", "db-01");
        assertEquals("RequestReplicationStateChange", suspended.get("operation").asText());
        assertEquals("job", suspended.get("decidedBy").asText());
        assertTrue(suspended.get("changed").asBoolean());
        assertEquals(7, host.sim.replicationState("db-01"));
        JsonNode again = cli.json(0, "suspend-replication", "--vm", "db-01");
        assertEquals("nothing-to-do", again.get("decidedBy").asText());
        assertEquals("nothing to do: replication of db-01 is already Suspended", again.get("message").asText());

        assertTrue(cli.json(0, "resume-replication", "--vm", "db-01").get("changed").asBoolean());
        assertEquals(3, host.sim.replicationState("db-01"));
        assertFalse(cli.json(0, "resume-replication", "--vm", "db-01").get("changed").asBoolean());
        assertEquals(2, stateChanges());
    }

    @Test
    void suspendAndResumeRefuseAFailoverInProgress() {
        assertEquals("pre-check", cli.json(1, "suspend-replication", "--vm", "web-01").get("decidedBy").asText());
        JsonNode resume = cli.json(1, "resume-replication", "--vm", "web-01");
        assertTrue(resume.get("message").asText().contains("Failover in progress"), resume::toString);
        assertEquals(1, cli.run("suspend-replication", "--vm", "erp-01"));
        assertTrue(cli.err().contains("erp-01 is not replicated"), cli::err);
        assertEquals(0, stateChanges());
    }

    @Test
    void removeReplicationOnceThenNothingToDo() {
        JsonNode removed = cli.json(0, "remove-replication", "--vm", "db-01");
        assertEquals("RemoveReplicationRelationship", removed.get("operation").asText());
        assertTrue(removed.get("changed").asBoolean());
        assertEquals(0, host.sim.replicationMode("db-01"));
        JsonNode again = cli.json(0, "remove-replication", "--vm", "db-01");
        assertFalse(again.get("changed").asBoolean());
        assertEquals("nothing to do: db-01 is not replicated", again.get("message").asText());
        assertEquals(1, host.sim.invocations("RemoveReplicationRelationship"));
    }

    @Test
    void theHostRefusesToRemoveReplicationDuringAFailover() {
        JsonNode j = cli.json(1, "remove-replication", "--vm", "web-01");
        assertEquals("return-value", j.get("decidedBy").asText());
        assertEquals(32775, j.get("returnValue").asInt());
        assertEquals(12, host.sim.replicationState("web-01"));
    }

    @Test
    void aDryRunOfRemoveInvokesNothing() {
        JsonNode j = cli.json(0, "remove-replication", "--vm", "db-01", "--dry-run");
        assertEquals("dry-run", j.get("decidedBy").asText());
        assertFalse(j.get("changed").asBoolean());
        assertEquals(1, host.sim.replicationMode("db-01"));
        assertEquals(0, host.sim.invocations("RemoveReplicationRelationship"));
    }
}
