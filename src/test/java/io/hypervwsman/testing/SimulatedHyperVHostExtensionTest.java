package io.hypervwsman.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.hyperv.HyperVHost;
import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.ReplicationState;
import io.hypervwsman.hyperv.VmRef;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.Outcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import io.hypervwsman.sim.ManualClock;
import io.hypervwsman.sim.SimulatedHost;
import io.hypervwsman.wsman.WsManClient;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@code @SimulatedHyperVHost}: a fresh simulated host per test (each test sees the replica in state 5 and no
 * RevertFailover yet, whichever ran first), its endpoint, the host itself, a connected client and the manual clock
 * injected.
 */
@SimulatedHyperVHost(manualClock = true)
class SimulatedHyperVHostExtensionTest {
    static final int RECOVERED = ReplicationState.RECOVERED.value();

    static OperationOutcome revert(WinRmEndpoint endpoint, ManualClock clock) {
        try (HyperVHost host = HyperVHost.builder()
                .client(WsManClient.connect(endpoint.connectionOptions()), "sim").clock(clock).sleeper(clock::advance).build()) {
            return ReplicaOperations.of(host).revertFailover(VmRef.of("web-frontend-01"), OperationOptions.defaults());
        }
    }

    @Test
    void aRevertOnTheInjectedHostChangesItsState(WinRmEndpoint endpoint, SimulatedHost sim, ManualClock clock) {
        assertEquals(RECOVERED, sim.replicationState("web-frontend-01"));
        assertEquals(0, sim.invocations("RevertFailover"));
        OperationOutcome o = revert(endpoint, clock);
        assertEquals(Outcome.SUCCEEDED, o.outcome(), o::message);
        assertEquals(1, sim.invocations("RevertFailover"));
        assertTrue(sim.replicationState("web-frontend-01") != RECOVERED);
    }

    @Test
    void theNextTestGetsAFreshHost(WinRmEndpoint endpoint, SimulatedHost sim, ManualClock clock) {
        assertEquals(RECOVERED, sim.replicationState("web-frontend-01"));
        assertEquals(0, sim.invocations("RevertFailover"));
        assertEquals(Outcome.SUCCEEDED, revert(endpoint, clock).outcome());
    }

    @Test
    @SimulatedHyperVHost(scenario = "revert-job-fails", manualClock = true)
    void aMethodLevelAnnotationChoosesTheScenario(WinRmEndpoint endpoint, ManualClock clock) {
        OperationOutcome o = revert(endpoint, clock);
        assertEquals(Outcome.FAILED, o.outcome(), o::message);
    }

    @Test
    void anInjectedClientWaitsOnTheManualClock(HyperVHost client, SimulatedHost sim, ManualClock clock) {
        Instant before = clock.instant();
        OperationOutcome o = ReplicaOperations.of(client).revertFailover(VmRef.of("web-frontend-01"),
                OperationOptions.defaults());
        assertEquals(Outcome.SUCCEEDED, o.outcome(), o::message);
        assertEquals("HV01", client.name(), "named as the scenario's host");
        assertEquals(ReplicationState.REPLICATING.value(), sim.replicationState("web-frontend-01"));
        assertTrue(clock.instant().isAfter(before), "the waits between polls advanced the manual clock");
    }
}
