package io.hypervwsman.hyperv;

import static io.hypervwsman.hyperv.SimulatedHostFixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.Outcome;
import org.junit.jupiter.api.Test;

/** stop-test-failover deletes the test VM (DestroySystem) and never reverts the replica. */
class StopTestFailoverTest {

    @Test
    void byTheReplicaNameTheTestVmIsDeleted() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            OperationOutcome o = f.replica().stopTestFailover(VmRef.of("web-frontend-02"), f.options());

            assertEquals(Outcome.SUCCEEDED, o.outcome(), o.message());
            assertEquals("web-frontend-02 - Test", o.vm().name());
            assertTrue(f.sim.vmIds("web-frontend-02 - Test").isEmpty(), "the test VM is gone");
            assertEquals(1, f.sim.invocations("DestroySystem"));
            assertEquals(0, f.sim.invocations("RevertFailover"));
            assertEquals(ReplicationState.RECOVERED.value(), f.sim.replicationState("web-frontend-02"), "the replica is untouched");
        }
    }

    @Test
    void aReplicaWithoutATestFailoverIsRefused() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            OperationOutcome e = refused(f.replica().stopTestFailover(VmRef.of("web-frontend-01"), f.options()));
            assertTrue(e.message().startsWith("no test failover is running for web-frontend-01"), e.message());
            assertEquals(0, f.sim.invocations("DestroySystem"));
        }
    }
}
