package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypervwsman.hyperv.SimulatedHostFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 item 6: messages say what the operator asked for ("revert-failover completed for ..."); the WMI method
 * is in JSON ("wmiMethod") and, on request, in --verbose, never in the message.
 */
class MessagesSpeakInCommandsCliTest {
    static final List<String> WMI_WORDS = List.of("RevertFailover", "RequestReplicationStateChange", "TestReplicaSystem",
            "DestroySystem", "requesting state", "InitiateFailover");
    @TempDir
    Path dir;

    @Test
    void theResultLineNamesTheCommandAndVerboseNamesTheMethod() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            assertEquals(0, cli.run("revert-failover", "--vm", "web-frontend-01"));
            assertTrue(cli.out().startsWith("succeeded: revert-failover completed for web-frontend-01 [decided by"
                    + " job"), cli.out());
            assertNoWmiWords(cli.out() + cli.err());

            assertEquals(0, cli.run("initiate-failover", "--vm", "app-extended-01", "--verbose"));
            assertTrue(cli.out().startsWith("succeeded: initiate-failover completed for app-extended-01"), cli.out());
            assertTrue(cli.err().contains("wmi: initiate-failover invokes InitiateFailover, ReturnValue 4096, job "),
                    cli.err());
        }
    }

    @Test
    void jsonNamesTheCommandAsOperationAndTheMethodAsWmiMethod() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            assertEquals(0, cli.run("prepare-planned-failover", "--vm", "db-primary-01", "--turn-off", "--output",
                    "json"));
            JsonNode j = cli.json();
            assertEquals("prepare-planned-failover", j.get("operation").asText());
            assertEquals("RequestReplicationStateChangeEx", j.get("wmiMethod").asText());
            assertTrue(j.get("message").asText().startsWith("prepare-planned-failover completed for db-primary-01"),
                    j.get("message").asText());
            assertNoWmiWords(j.get("message").asText());
            assertTrue(j.get("warnings").toString().contains("turned off before prepare-planned-failover"),
                    j.get("warnings").toString());
        }
    }

    @Test
    void aDryRunSaysWhichCommandItWouldRun() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            assertEquals(0, cli.run("test-failover", "--vm", "app-extended-01", "--dry-run"));
            assertTrue(cli.out().startsWith("planned: dry run: would run test-failover for app-extended-01"),
                    cli.out());
            assertNoWmiWords(cli.out());
            assertEquals(0, f.sim.invocations("TestReplicaSystem"));
        }
    }

    private static void assertNoWmiWords(String text) {
        for (String w : WMI_WORDS) {
            assertFalse(text.contains(w), "no WMI method in the message (" + w + "): " + text);
        }
    }
}
