package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypervwsman.hyperv.SimulatedHostFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 item 7: a VM already where the command would bring it is exit 0, "nothing to do", "changed": false,
 * and nothing is invoked; a state the command cannot go from is exit 1 naming the next step.
 */
class AlreadyDoneIsNothingToDoCliTest {
    @TempDir
    Path dir;

    @Test
    void commitOnACommittedReplicaIsNothingToDoAndInvokesNothing() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            assertEquals(0, cli.run("commit-failover", "--vm", "reporting-01", "--yes", "--output", "json"));
            JsonNode j = cli.json();
            assertEquals("succeeded", j.get("outcome").asText());
            assertEquals("nothing-to-do", j.get("decidedBy").asText());
            assertFalse(j.get("changed").asBoolean(true));
            assertTrue(j.get("job").isNull());
            assertEquals("nothing to do: reporting-01 is already a Replica in state FailedOver (6)",
                    j.get("message").asText());
            assertEquals(0, f.sim.invocations("CommitFailover"));
        }
    }

    @Test
    void aCommandRunTwiceChangesOnceThenHasNothingToDo() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            assertEquals(0, cli.run("revert-failover", "--vm", "web-frontend-01", "--output", "json"));
            assertTrue(cli.json().get("changed").asBoolean(false));
            assertEquals(1, cli.reverts());

            assertEquals(0, cli.run("revert-failover", "--vm", "web-frontend-01"));
            assertTrue(cli.out().startsWith("succeeded: nothing to do: web-frontend-01 is already a Replica in state"
                    + " Replicating (3) [decided by nothing-to-do"), cli.out());
            assertEquals(1, cli.reverts(), "the second run invoked nothing");

            assertEquals(0, cli.run("initiate-failover", "--vm", "web-frontend-02", "--dry-run"));
            assertTrue(cli.out().contains("nothing to do: web-frontend-02 is already a Replica in state"
                    + " FailedOverWaitingCompletion (5)"), cli.out());
            assertEquals(0, f.sim.invocations("InitiateFailover"));
        }
    }

    @Test
    void failoverOnThePrimaryNamesTheReplicaServer() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            assertEquals(1, cli.run("initiate-failover", "--vm", "db-primary-01", "--output", "json"));
            JsonNode j = cli.json();
            assertEquals("failed", j.get("outcome").asText());
            assertEquals("pre-check", j.get("decidedBy").asText());
            assertFalse(j.get("changed").asBoolean(true));
            String message = j.get("message").asText();
            assertTrue(message.startsWith("db-primary-01 is the Primary (state Replicating (3)) on "), message);
            // The VM's replication settings name the replica server (RecoveryConnectionPoint): the hint uses it.
            String server = j.get("hint").asText().replace("run it against the replica server: --host ", "");
            assertFalse(server.isBlank() || server.contains("<") || server.contains(" "), j.get("hint").asText());
            assertTrue(message.endsWith("; initiate-failover runs on the replica server, " + server), message);
            assertEquals(0, f.sim.invocations("InitiateFailover"));
        }
    }
}
