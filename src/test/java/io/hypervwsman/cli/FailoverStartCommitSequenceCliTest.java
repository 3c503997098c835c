package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypervwsman.hyperv.SimulatedHostFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standard unplanned failover, end to end through the CLI against the simulated host: Start-VMFailover,
 * Start-VM, Complete-VMFailover, each one Invoke and its job, the host's state read back after each step.
 */
class FailoverStartCommitSequenceCliTest {
    @TempDir
    Path dir;

    @Test
    void initiateFailoverThenStartVmThenCommitFailover() {
        try (SimulatedHostFixture host = new SimulatedHostFixture("power.json")) {
            SimulatedCli cli = new SimulatedCli(host, dir);

            assertEquals(0, cli.run("initiate-failover", "--vm", "replica-01", "--output", "json"), cli::err);
            assertEquals("succeeded", cli.json().get("outcome").asText());
            assertEquals(5, host.sim.replicationState("replica-01"));
            assertEquals(3, host.sim.enabledState("replica-01"));

            assertEquals(0, cli.run("start-vm", "--vm", "replica-01", "--output", "json"), cli::err);
            JsonNode started = cli.json();
            assertEquals("job", started.get("decidedBy").asText());
            assertTrue(started.get("changed").asBoolean());
            assertEquals(2, host.sim.enabledState("replica-01"));

            assertEquals(0, cli.run("commit-failover", "--vm", "replica-01", "--output", "json"), cli::err);
            assertEquals("succeeded", cli.json().get("outcome").asText());
            assertEquals(6, host.sim.replicationState("replica-01"));
            assertEquals(2, host.sim.enabledState("replica-01"), "committing leaves the failed-over VM running");

            assertEquals(1, host.sim.invocations("InitiateFailover"));
            assertEquals(1, host.sim.invocations("RequestStateChange"));
            assertEquals(1, host.sim.invocations("CommitFailover"));
        }
    }
}
