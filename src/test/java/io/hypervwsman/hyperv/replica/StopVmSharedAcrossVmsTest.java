package io.hypervwsman.hyperv.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hypervwsman.hyperv.SimulatedHostFixture;
import io.hypervwsman.hyperv.VmRef;
import org.junit.jupiter.api.Test;

/**
 * One StopVm shared by several VMs (as a plan or --vm a --vm b would share it) decides each VM's shutdown on its
 * own: a graceful shutdown of one VM does not make the next VM's turn-off wait for evidence, and the other way round.
 */
class StopVmSharedAcrossVmsTest {

    @Test
    void aGracefulShutdownDoesNotLeakIntoTheNextVmsTurnOff() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("power.json")) {
            StopVm shared = new StopVm(false, "plan", true);
            ReplicaOperations ops = f.replica();

            OperationOutcome graceful = ops.run(shared, VmRef.of("app-01"), f.options());
            assertEquals(Outcome.SUCCEEDED, graceful.outcome(), graceful.message());
            assertEquals("InitiateShutdown", graceful.operation().method());
            assertEquals(DecidedBy.VM_STATE, graceful.decidedBy(), "InitiateShutdown's 0 waits for Off");

            OperationOutcome turnedOff = ops.run(shared, VmRef.of("legacy-01"), f.options());
            assertEquals(Outcome.SUCCEEDED, turnedOff.outcome(), turnedOff.message());
            assertEquals("RequestStateChange", turnedOff.operation().method());
            assertEquals(DecidedBy.JOB, turnedOff.decidedBy(), "a turn-off is decided by its job, as on its own");
            assertEquals(3, f.sim.enabledState("legacy-01"));
        }
    }

    @Test
    void aTurnOffDoesNotKeepTheNextGracefulShutdownFromWaitingForOff() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("power.json")) {
            StopVm shared = new StopVm(false, "plan", true);
            ReplicaOperations ops = f.replica();

            assertEquals(DecidedBy.JOB, ops.run(shared, VmRef.of("legacy-01"), f.options()).decidedBy());
            OperationOutcome graceful = ops.run(shared, VmRef.of("app-01"), f.options());
            assertEquals(DecidedBy.VM_STATE, graceful.decidedBy(), graceful.message());
            assertEquals(3, f.sim.enabledState("app-01"));
        }
    }
}
