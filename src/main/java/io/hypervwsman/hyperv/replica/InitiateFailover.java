package io.hypervwsman.hyperv.replica;

import io.hypervwsman.hyperv.Relationship;
import io.hypervwsman.hyperv.ReplicationMode;
import io.hypervwsman.hyperv.ReplicationState;
import io.hypervwsman.hyperv.VirtualMachine;
import java.util.EnumSet;
import java.util.Set;

/** Start-VMFailover [-VMRecoverySnapshot] on a replica: fail over to a recovery point, the latest by default. */
public final class InitiateFailover implements ReplicaVerb {
    private static final Set<ReplicationState> FROM = EnumSet.of(ReplicationState.REPLICATING,
            ReplicationState.RESYNCHRONIZING, ReplicationState.SUSPENDED, ReplicationState.DISK_UPDATE_IN_PROGRESS);
    private final String recoveryPoint;

    /** @param recoveryPoint its name or InstanceID; null or "latest" for the latest */
    public InitiateFailover(String recoveryPoint) {
        this.recoveryPoint = recoveryPoint;
    }

    @Override
    public Operation operation() {
        return Operation.INITIATE_FAILOVER;
    }

    @Override
    public void check(VerbContext host, VirtualMachine vm, Relationship rel) {
        if (vm.replicationMode() == ReplicationMode.PRIMARY) {
            Refusals.failoverRunsOnTheReplica(host, vm, rel, Operation.INITIATE_FAILOVER);
        }
        Refusals.requireReplicaIn(vm, rel, FROM, "failed over");
    }

    /** Failed over, waiting for commit-failover or revert-failover. */
    @Override
    public Set<ReplicationState> targetStates(ReplicationMode side) {
        return side.isReplica() ? Set.of(ReplicationState.RECOVERED) : Set.of();
    }

    @Override
    public Power power() {
        return Power.OFF_IF_ALLOWED;
    }

    @Override
    public Invocation prepare(VerbContext host, VirtualMachine vm) {
        return host.atRecoveryPoint(vm, recoveryPoint);
    }

    @Override
    public Evidence<?> evidence() {
        return ReplicationStateEvidence.when((before, after) -> after == ReplicationState.RECOVERED, FROM);
    }
}
