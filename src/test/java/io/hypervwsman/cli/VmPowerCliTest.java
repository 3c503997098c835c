package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * start-vm, stop-vm and turn-off against the simulated host (scenario power.json): RequestStateChange(2/3), the
 * guest's Msvm_ShutdownComponent.InitiateShutdown, the host's refusals, idempotence and dry runs.
 */
class VmPowerCliTest extends SimulatedScenarioCliTest {
    VmPowerCliTest() {
        super("power.json");
    }

    private int stateChanges() {
        return host.sim.invocations("RequestStateChange");
    }

    @Test
    void startVmStartsAnOffVmThenHasNothingToDo() {
        assertEquals(0, cli.run("start-vm", "--vm", "off-01", "--output", "json"), cli::err);
        JsonNode j = cli.json();
        assertEquals("RequestStateChange", j.get("operation").asText());
        assertEquals("succeeded", j.get("outcome").asText());
        assertEquals("job", j.get("decidedBy").asText());
        assertTrue(j.get("changed").asBoolean());
        assertEquals(2, host.sim.enabledState("off-01"));

        assertEquals(0, cli.run("start-vm", "--vm", "off-01", "--output", "json"), cli::err);
        JsonNode again = cli.json();
        assertEquals("nothing-to-do", again.get("decidedBy").asText());
        assertFalse(again.get("changed").asBoolean());
        assertEquals("nothing to do: off-01 is already Running", again.get("message").asText());
        assertEquals(1, stateChanges());
    }

    @Test
    void aDryRunInvokesNothing() {
        assertEquals(0, cli.run("start-vm", "--vm", "saved-01", "--dry-run", "--output", "json"), cli::err);
        JsonNode j = cli.json();
        assertEquals("dry-run", j.get("decidedBy").asText());
        assertFalse(j.get("changed").asBoolean());
        assertTrue(j.get("message").asText().contains("from Saved to Running"), j::toString);
        assertEquals(0, stateChanges());
        assertEquals(6, host.sim.enabledState("saved-01"));
    }

    @Test
    void aReplicaIsNotStartedBeforeItsFailover() {
        assertEquals(1, cli.run("start-vm", "--vm", "replica-01", "--output", "json"), cli::err);
        JsonNode j = cli.json();
        assertEquals("pre-check", j.get("decidedBy").asText());
        assertTrue(j.get("message").asText().contains("in state Replicating"), j::toString);
        assertEquals(0, stateChanges());
    }

    @Test
    void theHostsOwnRefusalIsReportedWhenThePreChecksAreSkipped() {
        assertEquals(1, cli.run("start-vm", "--vm", "replica-01", "--force", "--output", "json"), cli::err);
        JsonNode j = cli.json();
        assertEquals("return-value", j.get("decidedBy").asText());
        assertEquals(32775, j.get("returnValue").asInt());
        assertFalse(j.get("changed").asBoolean());
        assertEquals(3, host.sim.enabledState("replica-01"));
    }

    @Test
    void stopVmShutsTheGuestDownAndWaitsUntilOff() {
        assertEquals(0, cli.run("stop-vm", "--vm", "app-01", "--output", "json"), cli::err);
        JsonNode j = cli.json();
        assertEquals("InitiateShutdown", j.get("operation").asText());
        assertEquals(0, j.get("returnValue").asInt());
        assertEquals("vm-state", j.get("decidedBy").asText());
        assertTrue(j.get("message").asText().endsWith("the power state is now Off"), j::toString);
        assertEquals(3, host.sim.enabledState("app-01"));
        assertEquals(1, host.sim.invocations("InitiateShutdown"));
        assertEquals(0, stateChanges());

        assertEquals(0, cli.run("stop-vm", "--vm", "app-01", "--output", "json"), cli::err);
        assertEquals("nothing-to-do", cli.json().get("decidedBy").asText());
        assertEquals(1, host.sim.invocations("InitiateShutdown"));
    }

    @Test
    void withoutAShutdownServiceStopVmRefusesUnlessTurnOffIsGiven() {
        assertEquals(1, cli.run("stop-vm", "--vm", "legacy-01"), cli::err);
        assertTrue(cli.err().contains("legacy-01 has no working shutdown integration service"), cli::err);
        assertTrue(cli.err().contains("hint: add --turn-off"), cli::err);
        assertEquals(2, host.sim.enabledState("legacy-01"));

        assertEquals(0, cli.run("stop-vm", "--vm", "legacy-01", "--turn-off", "--output", "json"), cli::err);
        JsonNode j = cli.json();
        assertEquals("RequestStateChange", j.get("operation").asText());
        assertEquals("job", j.get("decidedBy").asText());
        assertEquals(3, host.sim.enabledState("legacy-01"));
        assertEquals(0, host.sim.invocations("InitiateShutdown"));
        assertEquals(1, stateChanges());
    }

    @Test
    void aLockedGuestRefusesTheShutdown() {
        assertEquals(1, cli.run("stop-vm", "--vm", "locked-01", "--output", "json"), cli::err);
        JsonNode j = cli.json();
        assertEquals("return-value", j.get("decidedBy").asText());
        assertEquals(32781, j.get("returnValue").asInt());
        assertEquals(2, host.sim.enabledState("locked-01"));
    }

    @Test
    void aGuestThatDoesNotShutDownInTimeLeavesTheOutcomeUnknown() {
        assertEquals(5, cli.run("stop-vm", "--vm", "hung-01", "--timeout", "2m", "--output", "json"), cli::err);
        JsonNode j = cli.json();
        assertEquals("unknown", j.get("outcome").asText());
        assertTrue(j.get("changed").isNull());
        assertTrue(j.get("message").asText().contains("ShuttingDown"), j::toString);
        assertEquals(1, host.sim.invocations("InitiateShutdown"));
    }

    @Test
    void turnOffPowersOffASavedVmThenHasNothingToDo() {
        assertEquals(0, cli.run("turn-off", "--vm", "saved-01"), cli::err);
        assertTrue(cli.out().startsWith("succeeded: RequestStateChange completed for saved-01, from Saved to Off"),
                cli::out);
        assertEquals(3, host.sim.enabledState("saved-01"));
        assertEquals(0, cli.run("turn-off", "--vm", "saved-01"), cli::err);
        assertTrue(cli.out().startsWith("succeeded: nothing to do: saved-01 is already Off"), cli::out);
        assertEquals(1, stateChanges());
    }

    @Test
    void turnOffEndsAShutdownThatHangs() {
        assertEquals(5, cli.run("stop-vm", "--vm", "hung-01", "--timeout", "1m"), cli::err);
        assertEquals(4, host.sim.enabledState("hung-01"));
        assertEquals(0, cli.run("turn-off", "--vm", "hung-01"), cli::err);
        assertTrue(cli.out().contains("from ShuttingDown to Off"), cli::out);
        assertEquals(3, host.sim.enabledState("hung-01"));
    }
}
