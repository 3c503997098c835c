package io.hypervwsman.hyperv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.hyperv.replica.DecidedBy;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.Outcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import io.hypervwsman.sim.HostFault;
import io.hypervwsman.sim.SimulatedHost;
import io.hypervwsman.testing.SimulatedHyperVHost;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ReturnValue 0, a refusal in the 32768 range, a job that completes with warnings, and polls that are retried. */
@SimulatedHyperVHost(manualClock = true)
class RevertFailoverReturnValueTest {
    private final List<JobReport> progress = new ArrayList<>();

    /** Options whose listener records every progress report in {@link #progress}. */
    private OperationOptions options() {
        return OperationOptions.defaults().withListener(progress::add);
    }


    @SimulatedHyperVHost(scenario = "src/test/resources/scenarios/revert-returns-0.json", manualClock = true)
    @Test
    void returnValueZeroMeansDoneWithoutAJob(HyperVHost client, SimulatedHost sim) {
        OperationOutcome o = ReplicaOperations.of(client).revertFailover(VmRef.of("web-frontend-01"), options());

        assertEquals(Outcome.SUCCEEDED, o.outcome(), o.message());
        assertEquals(DecidedBy.RETURN_VALUE, o.decidedBy());
        assertEquals(0L, o.returnValue());
        assertNull(o.job());
        assertEquals(1, sim.invocations("RevertFailover"));
    }

    @SimulatedHyperVHost(scenario = "src/test/resources/scenarios/revert-returns-32769.json", manualClock = true)
    @Test
    void aRefusalInThe32768RangeIsAFailureWithItsMeaning(HyperVHost client, SimulatedHost sim) {
        OperationOutcome o = ReplicaOperations.of(client).revertFailover(VmRef.of("web-frontend-01"), options());

        assertEquals(Outcome.FAILED, o.outcome());
        assertEquals(32769L, o.returnValue());
        assertTrue(o.message().endsWith("Access Denied (32769)"), o.message());
        assertEquals(ReplicationState.RECOVERED.value(), sim.replicationState("web-frontend-01"));
        assertEquals(1, sim.invocations("RevertFailover"));
    }

    @SimulatedHyperVHost(scenario = "src/test/resources/scenarios/revert-warning.json", manualClock = true)
    @Test
    void completedWithWarningsIsASuccessThatShowsTheWarnings(HyperVHost client, SimulatedHost sim) {
        OperationOutcome o = ReplicaOperations.of(client).revertFailover(VmRef.of("web-frontend-01"), options());

        assertEquals(Outcome.SUCCEEDED, o.outcome(), o.message());
        assertEquals(32768, o.job().jobState());
        assertTrue(o.message().endsWith("with warnings"), o.message());
        assertTrue(o.warnings().stream().anyMatch(w -> w.contains("completed with warnings")), o.warnings().toString());
        assertEquals(1, sim.invocations("RevertFailover"));
    }

    @Test
    void aPollRefusedForQuotaOrCutOffIsPolledAgain(HyperVHost client, SimulatedHost sim) {
        sim.faults().arm(HostFault.QUOTA, "Get", 1);
        sim.faults().arm(HostFault.DROP_AFTER_PROCESSING, "Get", 1);
        OperationOutcome o = ReplicaOperations.of(client).revertFailover(VmRef.of("web-frontend-01"), options());

        assertEquals(Outcome.SUCCEEDED, o.outcome(), o.message());
        assertEquals(DecidedBy.JOB, o.decidedBy());
        assertEquals(0, sim.backend().faults().pending(), "both poll faults were shown");
        assertEquals(1, sim.invocations("RevertFailover"), "polls are retried; the Invoke never is");
    }
}
