package io.hypervwsman.hyperv;

import static io.hypervwsman.hyperv.SimulatedHostFixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.Outcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import io.hypervwsman.sim.SimulatedHost;
import io.hypervwsman.testing.SimulatedHyperVHost;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** stop-test-failover deletes the test VM (DestroySystem) and never reverts the replica. */
@SimulatedHyperVHost(manualClock = true)
class StopTestFailoverTest {
    private final List<JobReport> progress = new ArrayList<>();

    /** Options whose listener records every progress report in {@link #progress}. */
    private OperationOptions options() {
        return OperationOptions.defaults().withListener(progress::add);
    }


    @Test
    void byTheReplicaNameTheTestVmIsDeleted(HyperVHost client, SimulatedHost sim) {
        OperationOutcome o = ReplicaOperations.of(client).stopTestFailover(VmRef.of("web-frontend-02"), options());

        assertEquals(Outcome.SUCCEEDED, o.outcome(), o.message());
        assertEquals("web-frontend-02 - Test", o.vm().name());
        assertTrue(sim.vmIds("web-frontend-02 - Test").isEmpty(), "the test VM is gone");
        assertEquals(1, sim.invocations("DestroySystem"));
        assertEquals(0, sim.invocations("RevertFailover"));
        assertEquals(ReplicationState.RECOVERED.value(), sim.replicationState("web-frontend-02"), "the replica is untouched");
    }

    @Test
    void aReplicaWithoutATestFailoverIsRefused(HyperVHost client, SimulatedHost sim) {
        OperationOutcome e = refused(ReplicaOperations.of(client).stopTestFailover(VmRef.of("web-frontend-01"), options()));
        assertTrue(e.message().startsWith("no test failover is running for web-frontend-01"), e.message());
        assertEquals(0, sim.invocations("DestroySystem"));
    }
}
