package io.hypervwsman.hyperv.replica;

import static io.hypervwsman.hyperv.ReplicationState.READY_FOR_REPLICATION;
import static io.hypervwsman.hyperv.ReplicationState.REPLICATING;
import static io.hypervwsman.hyperv.ReplicationState.WAITING_TO_COMPLETE_INITIAL_REPLICATION;

import io.hypervwsman.hyperv.Relationship;
import io.hypervwsman.hyperv.VirtualMachine;
import io.hypervwsman.wsman.MethodInput;
import java.util.Optional;
import java.util.Set;

/**
 * Start-VMInitialReplication over the network: Msvm_ReplicationService.StartReplication(ComputerSystem,
 * InitialReplicationType 1 "Network Transfer", no export location, no StartTime: "starts immediately"), on a primary
 * that is Ready for replication. The job ends when the initial copy has reached the replica: Replicating.
 */
public final class StartInitialReplication implements ReplicaVerb {
    private static final Operation OPERATION = Operation.of("StartReplication");
    private static final int NETWORK_TRANSFER = 1;

    @Override
    public Operation operation() {
        return OPERATION;
    }

    @Override
    public Optional<String> nothingToDo(VerbContext host, VirtualMachine vm, Optional<Relationship> rel) {
        return rel.filter(r -> r.state() == WAITING_TO_COMPLETE_INITIAL_REPLICATION || r.state() == REPLICATING)
                .map(r -> "initial replication of " + vm.name() + " has already started (" + r.state().displayName()
                        + ")");
    }

    @Override
    public void check(VirtualMachine vm, Relationship rel) {
        if (vm.replicationMode() != io.hypervwsman.hyperv.ReplicationMode.PRIMARY || rel.state() != READY_FOR_REPLICATION) {
            throw Refusals.wrongState(vm, rel, "initial replication starts only on a primary that is "
                    + READY_FOR_REPLICATION.displayName());
        }
    }

    @Override
    public Invocation prepare(VerbContext host, VirtualMachine vm) {
        return host.onReplicationService(vm, MethodInput.create().add("InitialReplicationType", NETWORK_TRANSFER),
                " over the network");
    }

    @Override
    public Evidence<?> evidence() {
        return ReplicationStateEvidence.when((before, after) -> after == WAITING_TO_COMPLETE_INITIAL_REPLICATION
                || after == REPLICATING, Set.of(READY_FOR_REPLICATION));
    }
}
