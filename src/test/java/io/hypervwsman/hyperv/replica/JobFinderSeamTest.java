package io.hypervwsman.hyperv.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.hyperv.HyperVHost;
import io.hypervwsman.hyperv.HyperVResources;
import io.hypervwsman.hyperv.JobReport;
import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.ReplicationState;
import io.hypervwsman.hyperv.VmRef;
import io.hypervwsman.sim.HostFault;
import io.hypervwsman.sim.SimulatedHost;
import io.hypervwsman.testing.SimulatedHyperVHost;
import io.hypervwsman.wsman.EndpointReference;
import io.hypervwsman.wsman.EnumerateOptions;
import io.hypervwsman.wsman.Enumeration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The seam for "after a lost reply, find the job": asked once with what was lost; a found job decides. */
@SimulatedHyperVHost(manualClock = true)
class JobFinderSeamTest {
    private final List<JobReport> progress = new ArrayList<>();

    /** Options whose listener records every progress report in {@link #progress}. */
    private OperationOptions options() {
        return OperationOptions.defaults().withListener(progress::add);
    }

    private static final String VM = "web-frontend-01";

    @Test
    void withTheNoneFinderNothingIsFoundAndTheReplicationStateDecides(HyperVHost client, SimulatedHost sim) {
        sim.faults().once(HostFault.TAMPERED_SIGNATURE, "RevertFailover");
        OperationOutcome o = ReplicaOperations.of(client, JobFinder.NONE).revertFailover(VmRef.of(VM), options());

        assertEquals(Outcome.SUCCEEDED, o.outcome(), o.message());
        assertEquals(DecidedBy.REPLICATION_STATE, o.decidedBy());
        assertEquals(1, sim.invocations("RevertFailover"));
    }

    @Test
    void aJobFoundAfterALostReplyIsFollowedToItsEnd(HyperVHost host, SimulatedHost sim) {
        List<JobFinder.LostReply> asked = new ArrayList<>();
        JobFinder finder = lost -> {
            asked.add(lost);
            return anyJob(host);
        };
        sim.faults().once(HostFault.TAMPERED_SIGNATURE, "RevertFailover");
        OperationOutcome o = ReplicaOperations.of(host, finder).revertFailover(VmRef.of(VM), options());

        assertEquals(1, asked.size());
        assertEquals(Operation.REVERT_FAILOVER, asked.get(0).operation());
        assertEquals(VM, asked.get(0).vm().name());
        assertEquals(Outcome.SUCCEEDED, o.outcome(), o.message());
        assertEquals(DecidedBy.JOB_FOUND, o.decidedBy());
        assertTrue(o.job() != null && o.job().jobState() == 7, String.valueOf(o.job()));
        assertEquals(ReplicationState.REPLICATING.value(), sim.replicationState(VM));
        assertEquals(1, sim.invocations("RevertFailover"), "exactly one Invoke");
    }

    @Test
    void byDefaultTheJobTheInvokeStartedIsFoundOnTheHost(HyperVHost client, SimulatedHost sim) {
        sim.faults().once(HostFault.TAMPERED_SIGNATURE, "RevertFailover");
        OperationOutcome o = ReplicaOperations.of(client).revertFailover(VmRef.of(VM), options());

        assertEquals(Outcome.SUCCEEDED, o.outcome(), o.message());
        assertEquals(DecidedBy.JOB_FOUND, o.decidedBy());
        assertTrue(o.message().contains("the job it started was found on the host and followed"), o.message());
        assertEquals(1, sim.invocations("RevertFailover"), "exactly one Invoke");
    }

    private static Optional<EndpointReference> anyJob(HyperVHost host) {
        try (Enumeration<EndpointReference> jobs = host.client().enumerateReferences(HyperVResources.ALL,
                EnumerateOptions.wql("SELECT * FROM Msvm_ConcreteJob"))) {
            return jobs.stream().findFirst();
        }
    }
}
