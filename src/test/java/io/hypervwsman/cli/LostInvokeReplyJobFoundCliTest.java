package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypervwsman.hyperv.SimulatedHostFixture;
import io.hypervwsman.sim.HostFault;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI finds the job a lost Invoke started by default: after the connection drops once the host has carried the
 * Invoke out, the job is found on the host and followed to its real end ({@code decidedBy: job-found}), whether that
 * end is success or failure, with exactly one Invoke. When two jobs could be the Invoke's, neither is followed: the
 * replication state decides.
 */
class LostInvokeReplyJobFoundCliTest {
    private static final String VM = "web-frontend-01";
    private static final int COMPLETED = 7;
    private static final int EXCEPTION = 10;
    private static final int RECOVERED = 5;
    @TempDir
    Path dir;

    @Test
    void aLostReplyIsDecidedByTheJobItStartedWhichSucceeded() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            f.sim.faults().once(HostFault.DROP_AFTER_PROCESSING, "RevertFailover");

            assertEquals(0, cli.run("revert-failover", "--vm", VM, "--output", "json"), cli::err);
            JsonNode j = cli.json();
            assertEquals("succeeded", j.get("outcome").asText(), j::toString);
            assertEquals("job-found", j.get("decidedBy").asText(), j::toString);
            String job = j.get("job").get("instanceId").asText();
            assertEquals(COMPLETED, j.get("job").get("jobState").asInt());
            assertEquals(COMPLETED, f.sim.jobState(job).orElseThrow(), "the host's own record of that job");
            assertEquals(1, cli.reverts(), "exactly one Invoke");
        }
    }

    @Test
    void aLostReplyIsDecidedByTheJobItStartedWhichFailed() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("revert-job-fails")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            f.sim.faults().once(HostFault.DROP_AFTER_PROCESSING, "RevertFailover");

            assertEquals(ExitCodes.FAILED, cli.run("revert-failover", "--vm", VM, "--output", "json"), cli::err);
            JsonNode j = cli.json();
            assertEquals("failed", j.get("outcome").asText(), j::toString);
            assertEquals("job-found", j.get("decidedBy").asText(), j::toString);
            String job = j.get("job").get("instanceId").asText();
            assertEquals(EXCEPTION, j.get("job").get("jobState").asInt());
            assertEquals(EXCEPTION, f.sim.jobState(job).orElseThrow(), "the host's own record of that job");
            assertTrue(j.get("message").asText().contains("being used by another process"), j::toString);
            assertEquals(1, cli.reverts(), "exactly one Invoke");
            assertEquals(RECOVERED, f.sim.replicationState(VM), "the failed job changed nothing");
        }
    }

    @Test
    void aLostReplyWithTwoCandidateJobsFallsBackToTheReplicationState() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            // An earlier RevertFailover of the same VM, seconds before: its job is still on the host and its
            // StartTime lies within the clock-skew allowance of the next Invoke.
            assertEquals(0, cli.run("revert-failover", "--vm", VM), cli::err);
            assertEquals(0, cli.run("initiate-failover", "--vm", VM), cli::err);
            f.sim.faults().once(HostFault.DROP_AFTER_PROCESSING, "RevertFailover");

            assertEquals(0, cli.run("revert-failover", "--vm", VM, "--output", "json"), cli::err);
            JsonNode j = cli.json();
            assertEquals("succeeded", j.get("outcome").asText(), j::toString);
            assertEquals("replication-state", j.get("decidedBy").asText(), j::toString);
            assertTrue(j.get("message").asText().contains("the connection was lost after the revert-failover request was sent"),
                    j::toString);
            assertEquals(2, cli.reverts(), "one Invoke per command, none resent");
        }
    }
}
