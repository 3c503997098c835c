package com.example.dr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hypervwsman.hyperv.HyperVHost;
import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.VmRef;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.Outcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import io.hypervwsman.sim.SimulatedHost;
import io.hypervwsman.testing.SimulatedHyperVHost;
import io.hypervwsman.testing.WinRmEndpoint;
import io.hypervwsman.testing.WinRmReplay;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The README's example, compiled and run from outside the library's packages as a user's test would be. */
class RevertFailoverRunbookTest {

    static OperationOutcome revert(WinRmEndpoint endpoint) {
        try (HyperVHost host = HyperVHost.connect(endpoint.connectionOptions())) {
            return ReplicaOperations.of(host).revertFailover(VmRef.of("web-frontend-01"), OperationOptions.defaults());
        }
    }

    @Nested
    @WinRmReplay("test-fixtures/revert-ok")
    class AgainstARecording {
        @Test
        void revertSucceeds(WinRmEndpoint endpoint) {
            OperationOutcome outcome = revert(endpoint);
            assertEquals(Outcome.SUCCEEDED, outcome.outcome(), outcome.message());
            assertEquals(4096L, outcome.returnValue());
        }
    }

    @Nested
    @SimulatedHyperVHost(scenario = "default")
    class AgainstTheSimulatedHost {
        @Test
        void revertSucceedsAndInvokesOnce(WinRmEndpoint endpoint, SimulatedHost host) {
            assertEquals(Outcome.SUCCEEDED, revert(endpoint).outcome());
            assertEquals(1, host.invocations("RevertFailover"));
        }
    }
}
