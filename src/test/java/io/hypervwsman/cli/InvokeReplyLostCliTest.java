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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The host carried the Invoke out but its reply is lost or refused: the outcome is recovered from the job the Invoke
 * started, found on the host, or, when the Invoke started none, from the replication state (never guessed as
 * failed), and the host sees exactly one Invoke. When the request never reached the host, nothing can decide it:
 * the outcome is unknown, and still no second Invoke.
 */
class InvokeReplyLostCliTest {
    private static final String VM = "web-frontend-01";
    private static final int RECOVERED = 5;
    private static final int REPLICATING = 3;
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "TAMPERED_SIGNATURE    | signature does not verify",
        "WRONG_SEQUENCE_NUMBER | sequence number",
        "TRUNCATED_MULTIPART   | malformed encrypted reply",
        "PLAINTEXT_REPLY       | downgrade",
        "INVALID_UTF8          | could not be read as SOAP",
        "RELATES_TO_MISMATCH   | relates to uuid:00000000-0000-0000-0000-000000000000",
        "OVERSIZE_REPLY        | MaxEnvelopeSize",
        "DOCTYPE_REPLY         | DOCTYPE",
    })
    void aRefusedReplyToTheInvokeIsDecidedByTheJobItStarted(HostFault fault, String why) {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            f.sim.gateway().faults().once(fault, "RevertFailover");

            assertEquals(0, cli.run("revert-failover", "--vm", VM, "--output", "json"), cli::err);
            JsonNode j = cli.json();
            assertEquals("succeeded", j.get("outcome").asText());
            assertEquals("job-found", j.get("decidedBy").asText());
            String message = j.get("message").asText();
            assertTrue(message.contains("the reply to the revert-failover request was refused") && message.contains(why), message);
            assertTrue(message.endsWith("the job it started was found on the host and followed)"), message);
            assertEquals(7, f.sim.jobState(j.get("job").get("instanceId").asText()).orElseThrow(), "Completed");
            assertEquals(1, cli.reverts(), "exactly one Invoke");
            assertEquals(REPLICATING, f.sim.replicationState(VM));
            assertFalse(message.contains("root:"), "no local file content: " + message);
        }
    }

    @Test
    void aConnectionResetAfterAnInvokeThatStartedNoJobIsDecidedByTheReplicationState() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("revert-returns-0.json")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            f.sim.faults().arm(HostFault.DROP_AFTER_PROCESSING, "RevertFailover", 1);

            assertEquals(0, cli.run("revert-failover", "--vm", VM), cli::err);
            assertTrue(cli.out().startsWith("succeeded: revert-failover took effect for web-frontend-01: the connection"
                    + " was lost after the revert-failover request was sent"), cli.out());
            assertTrue(cli.out().contains("[decided by replication-state"), cli.out());
            assertEquals(1, cli.reverts());
            // the wait is not silent: it says what it watches (the method returned 0 at once: already Replicating)
            String err = cli.err();
            assertTrue(err.contains("; watching the replication state of web-frontend-01 until 2026-11-24T03:30:00Z"
                    + " (now Replicating (3))"), err);
        }
    }

    @Test
    void aReplySlowerThanOperationTimeoutIsDecidedByTheJobItStarted() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            f.sim.faults().arm(HostFault.SLOW_REPLY, "RevertFailover", 1);

            assertEquals(0, cli.run("revert-failover", "--vm", VM, "--output", "json"), cli::err);
            JsonNode j = cli.json();
            assertEquals("succeeded", j.get("outcome").asText());
            assertEquals("job-found", j.get("decidedBy").asText());
            assertTrue(j.get("message").asText().contains("did not answer the revert-failover request within OperationTimeout"),
                    j.get("message").asText());
            assertEquals(1, cli.reverts());
        }
    }

    @Test
    void aConnectionResetBeforeTheInvokeIsReadIsUnknownNotFailedAndNotResent() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            f.sim.gateway().faults().once(HostFault.RESET_BEFORE_READ, "RevertFailover");

            assertEquals(5, cli.run("revert-failover", "--vm", VM, "--timeout", "1m", "--output", "json"), cli::err);
            JsonNode j = cli.json();
            assertEquals("unknown", j.get("outcome").asText());
            assertEquals("none", j.get("decidedBy").asText());
            String message = j.get("message").asText();
            assertTrue(message.contains("the connection was lost after the revert-failover request was sent")
                    && message.contains("the replication state (FailedOverWaitingCompletion (5)) does not tell whether"
                    + " revert-failover took"
                    + " effect"), message);
            assertEquals(0, cli.reverts(), "the request never reached the service, and it was not sent again");
            assertEquals(RECOVERED, f.sim.replicationState(VM));
        }
    }
}
