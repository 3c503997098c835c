package io.hypervwsman.hyperv.replica;

import io.hypervwsman.OperationFailedException;
import io.hypervwsman.hyperv.Relationship;
import io.hypervwsman.hyperv.ReplicationMode;
import io.hypervwsman.hyperv.ReplicationState;
import io.hypervwsman.hyperv.VirtualMachine;
import io.hypervwsman.wsman.MethodInput;
import java.util.Set;

/** Start-VMFailover -Prepare on a primary: RequestReplicationStateChangeEx(4) on the VM itself. */
public final class PreparePlannedFailover implements ReplicaVerb {
    private static final Set<ReplicationState> FROM = Set.of(ReplicationState.REPLICATING);

    @Override
    public Operation operation() {
        return Operation.PREPARE_PLANNED_FAILOVER;
    }

    @Override
    public void check(VirtualMachine vm, Relationship rel) {
        if (vm.replicationMode() != ReplicationMode.PRIMARY || !FROM.contains(rel.state())) {
            throw Refusals.wrongState(vm, rel, "a planned failover is prepared on a Primary in state "
                    + Refusals.names(FROM, ReplicationMode.PRIMARY));
        }
    }

    /** Prepared: a primary PreparedForFailover. */
    @Override
    public Set<ReplicationState> targetStates(ReplicationMode side) {
        return side == ReplicationMode.PRIMARY ? Set.of(ReplicationState.SYNCED_REPLICATION_COMPLETE) : Set.of();
    }

    @Override
    public Power power() {
        return Power.OFF_IF_ALLOWED;
    }

    @Override
    public Invocation prepare(VerbContext host, VirtualMachine vm) {
        return new Invocation(vm.reference(), MethodInput.create().add("RequestedState", 4), "");
    }

    @Override
    public Evidence<?> evidence() {
        return ReplicationStateEvidence.when(
                (before, after) -> after == ReplicationState.SYNCED_REPLICATION_COMPLETE, FROM);
    }
}
