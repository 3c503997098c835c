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
 * Issue 14 item 5: the status table, a dry run and a refusal name the same state the same way: the name
 * Get-VMReplication shows, with the WMI number ("FailedOverWaitingCompletion (5)"), never the WMI documentation's
 * words ("Recovered").
 */
class OneStateVocabularyCliTest {
    static final String FAILED_OVER_WAITING = "FailedOverWaitingCompletion (5)";
    @TempDir
    Path dir;

    @Test
    void statusTableDryRunAndRefusalNameTheStateIdentically() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);

            assertEquals(0, cli.run("replication", "status"));
            String row = cli.out().lines().filter(l -> l.startsWith("web-frontend-01 ")).findFirst().orElseThrow();
            assertTrue(row.contains(FAILED_OVER_WAITING), row);

            assertEquals(0, cli.run("revert-failover", "--vm", "web-frontend-01", "--dry-run"));
            assertTrue(cli.out().contains("it is now " + FAILED_OVER_WAITING), cli.out());

            // commit needs Recovered too, so refuse with a verb that cannot start from it: resynchronize.
            assertEquals(1, cli.run("resynchronize", "--vm", "web-frontend-01"));
            assertEquals("", cli.out());
            assertTrue(cli.err().startsWith("error: web-frontend-01 is in state " + FAILED_OVER_WAITING
                    + "; resynchronize applies to Error (8), WaitingForStartResynchronize (9),"
                    + " ResynchronizeSuspended (11)"), cli.err());

            for (String text : new String[] {row, cli.err()}) {
                assertFalse(text.contains("Recovered"), "no WMI documentation words: " + text);
            }
            assertEquals(0, f.sim.invocations("Resynchronize"));
        }
    }

    @Test
    void jsonCarriesThePowerShellNameAndTheWmiNumberApart() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            assertEquals(0, cli.run("replication", "status", "--vm", "web-frontend-01", "--output", "json"));
            JsonNode row = cli.json().get("vms").get(0);
            assertEquals("FailedOverWaitingCompletion", row.get("state").asText());
            assertEquals(5, row.get("wmiState").asInt());
            assertEquals("Warning", row.get("health").asText());

            assertEquals(1, cli.run("resynchronize", "--vm", "web-frontend-01", "--output", "json"));
            JsonNode refusal = cli.json();
            assertEquals("pre-check", refusal.get("decidedBy").asText());
            assertTrue(refusal.get("message").asText().contains("in state " + FAILED_OVER_WAITING),
                    refusal.get("message").asText());
        }
    }

    @Test
    void aPrimaryStateIsNamedAsPowerShellNamesItOnThePrimary() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            assertEquals(1, cli.run("commit-failover", "--vm", "db-primary-01", "--yes"));
            assertTrue(cli.err().startsWith("error: db-primary-01 is a Primary in state Replicating (3); it can be"
                    + " committed only as a Replica in FailedOverWaitingCompletion (5)"), cli.err());
        }
    }
}
