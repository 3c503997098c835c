package io.hypervwsman.hyperv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.hyperv.replica.DecidedBy;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.Outcome;
import io.hypervwsman.sim.HostFault;
import org.junit.jupiter.api.Test;

/** ReturnValue 0, a refusal in the 32768 range, a job that completes with warnings, and polls that are retried. */
class RevertFailoverReturnValueTest {

    @Test
    void returnValueZeroMeansDoneWithoutAJob() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("revert-returns-0.json")) {
            OperationOutcome o = f.replica().revertFailover(VmRef.of("web-frontend-01"), f.options());

            assertEquals(Outcome.SUCCEEDED, o.outcome(), o.message());
            assertEquals(DecidedBy.RETURN_VALUE, o.decidedBy());
            assertEquals(0L, o.returnValue());
            assertNull(o.job());
            assertEquals(1, f.sim.invocations("RevertFailover"));
        }
    }

    @Test
    void aRefusalInThe32768RangeIsAFailureWithItsMeaning() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("revert-returns-32769.json")) {
            OperationOutcome o = f.replica().revertFailover(VmRef.of("web-frontend-01"), f.options());

            assertEquals(Outcome.FAILED, o.outcome());
            assertEquals(32769L, o.returnValue());
            assertTrue(o.message().endsWith("Access Denied (32769)"), o.message());
            assertEquals(ReplicationState.RECOVERED.value(), f.sim.replicationState("web-frontend-01"));
            assertEquals(1, f.sim.invocations("RevertFailover"));
        }
    }

    @Test
    void completedWithWarningsIsASuccessThatShowsTheWarnings() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("revert-warning.json")) {
            OperationOutcome o = f.replica().revertFailover(VmRef.of("web-frontend-01"), f.options());

            assertEquals(Outcome.SUCCEEDED, o.outcome(), o.message());
            assertEquals(32768, o.job().jobState());
            assertTrue(o.message().endsWith("with warnings"), o.message());
            assertTrue(o.warnings().stream().anyMatch(w -> w.contains("completed with warnings")), o.warnings().toString());
            assertEquals(1, f.sim.invocations("RevertFailover"));
        }
    }

    @Test
    void aPollRefusedForQuotaOrCutOffIsPolledAgain() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            f.sim.faults().arm(HostFault.QUOTA, "Get", 1);
            f.sim.faults().arm(HostFault.DROP_AFTER_PROCESSING, "Get", 1);
            OperationOutcome o = f.replica().revertFailover(VmRef.of("web-frontend-01"), f.options());

            assertEquals(Outcome.SUCCEEDED, o.outcome(), o.message());
            assertEquals(DecidedBy.JOB, o.decidedBy());
            assertEquals(0, f.sim.backend().faults().pending(), "both poll faults were shown");
            assertEquals(1, f.sim.invocations("RevertFailover"), "polls are retried; the Invoke never is");
        }
    }
}
