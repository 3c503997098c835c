package io.hypervwsman.hyperv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hypervwsman.hyperv.replica.DecidedBy;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.Outcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import io.hypervwsman.sim.HostFault;
import org.junit.jupiter.api.Test;

/**
 * The engine's job-finder seam wired to {@link ConcreteJobFinder}: after the reply to the Invoke is lost, the job is
 * found and followed, and the outcome says so ({@code job-found}); the Invoke reached the host once.
 */
class LostInvokeJobFoundTest {
    @Test
    void aLostReplyIsDecidedByTheJobTheInvokeStarted() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            HyperVHost host = f.host();
            ConcreteJobFinder finder = host.jobFinder();
            f.sim.faults().once(HostFault.DROP_AFTER_PROCESSING, "RevertFailover");

            OperationOutcome o = ReplicaOperations.of(host, lost -> finder.findReference(lost.operation().method(),
                    lost.vm().id(), lost.sentAfter())).revertFailover(VmRef.of("web-frontend-01"), f.options());

            assertEquals(Outcome.SUCCEEDED, o.outcome(), o.message());
            assertEquals(DecidedBy.JOB_FOUND, o.decidedBy(), o.message());
            assertEquals(7, o.job().jobState(), "followed to Completed");
            assertEquals(1, f.sim.invocations("RevertFailover"));
        }
    }
}
