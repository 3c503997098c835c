package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypervwsman.hyperv.SimulatedHostFixture;
import io.hypervwsman.sim.HostFault;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Faults while following the job: a poll is a Get and idempotent, so transient failures are polled again and the job
 * decides; a job that can no longer be read is decided by the replication state. The Invoke is never repeated.
 */
class JobPollFaultsCliTest {
    private static final String VM = "web-frontend-01";
    @TempDir
    Path dir;

    private static void assertDecidedByJob(SimulatedCli cli) {
        JsonNode j = cli.json();
        assertEquals("succeeded", j.get("outcome").asText(), cli::err);
        assertEquals("job", j.get("decidedBy").asText());
        assertEquals("Completed", j.get("job").get("state").asText());
        assertEquals(1, cli.reverts());
    }

    @Test
    void quotaFaultsOnPollsArePolledAgain() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            f.sim.faults().arm(HostFault.QUOTA, "Get", 3);

            assertEquals(0, cli.run("revert-failover", "--vm", VM, "--output", "json"), cli::err);
            assertDecidedByJob(cli);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = HostFault.class, names = {"SERVICE_UNAVAILABLE", "FORGET_SESSIONS", "TAMPERED_SIGNATURE",
        "WRONG_SEQUENCE_NUMBER", "TRUNCATED_MULTIPART", "RESET_BEFORE_READ"})
    void aTransientFailureOfAPollIsPolledAgain(HostFault fault) {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            f.sim.gateway().faults().once(fault, "Get");

            assertEquals(0, cli.run("revert-failover", "--vm", VM, "--output", "json"), cli::err);
            assertDecidedByJob(cli);
        }
    }

    @Test
    void aPollSlowerThanOperationTimeoutIsPolledAgain() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            f.sim.faults().arm(HostFault.SLOW_REPLY, "Get", 1);

            assertEquals(0, cli.run("revert-failover", "--vm", VM, "--output", "json"), cli::err);
            assertDecidedByJob(cli);
        }
    }

    @Test
    void aPollReplyRelatedToAnotherMessageLeavesTheDecisionToTheReplicationState() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            f.sim.gateway().faults().once(HostFault.RELATES_TO_MISMATCH, "Get");

            assertEquals(0, cli.run("revert-failover", "--vm", VM, "--output", "json"), cli::err);
            JsonNode j = cli.json();
            assertEquals("succeeded", j.get("outcome").asText());
            assertEquals("replication-state", j.get("decidedBy").asText());
            assertTrue(j.get("message").asText().contains("the job could not be read (the host's reply relates to"),
                    j.get("message").asText());
            assertEquals(1, cli.reverts());
        }
    }

    @Test
    void aJobThatVanishedIsDecidedByTheReplicationState() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            boolean[] first = {true};
            cli.sleeper = d -> {
                f.clock.advance(first[0] ? Duration.ofMinutes(10) : d); // the job ends and is removed meanwhile
                first[0] = false;
            };

            assertEquals(0, cli.run("revert-failover", "--vm", VM, "--output", "json"), cli::err);
            JsonNode j = cli.json();
            assertEquals("succeeded", j.get("outcome").asText());
            assertEquals("replication-state", j.get("decidedBy").asText());
            assertTrue(j.get("message").asText().contains("the job is gone from the host"), j.get("message").asText());
            assertEquals(1, cli.reverts());
        }
    }

    @Test
    void aJobStillRunningAtTheTimeoutIsTimedOutWithTheCommandThatResumes() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);

            assertEquals(5, cli.run("revert-failover", "--vm", VM, "--timeout", "2s"), cli::err);
            assertTrue(cli.out().startsWith("timed-out: gave up waiting after 2s; job "), cli.out());
            assertTrue(cli.err().contains("hint: resume waiting with: hyperv-wsman job wait --job "), cli.err());
            assertEquals(1, cli.reverts());
        }
    }
}
