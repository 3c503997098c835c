package io.hypervwsman.hyperv.replica;

import static io.hypervwsman.hyperv.ReplicationState.COMMITTED;
import static io.hypervwsman.hyperv.ReplicationState.FAILOVER_IN_PROGRESS;
import static io.hypervwsman.hyperv.ReplicationState.RECOVERED;
import static io.hypervwsman.hyperv.ReplicationState.SYNCED_REPLICATION_COMPLETE;

import io.hypervwsman.Hint;
import io.hypervwsman.OperationFailedException;
import io.hypervwsman.hyperv.Relationship;
import io.hypervwsman.hyperv.ReplicationMode;
import io.hypervwsman.hyperv.ReplicationState;
import io.hypervwsman.hyperv.VirtualMachine;
import io.hypervwsman.wsman.MethodInput;
import java.util.EnumSet;
import java.util.Set;

/**
 * Stop-VMFailover: RevertFailover on a replica (FailedOverWaitingCompletion, RecoveryInProgress) or a primary
 * PreparedForFailover; a VM Replicating has no failover to revert (nothing to do).
 */
public final class RevertFailover implements ReplicaVerb {

    @Override
    public Operation operation() {
        return Operation.REVERT_FAILOVER;
    }

    @Override
    public void check(VirtualMachine vm, Relationship rel) {
        ReplicationState s = rel.state();
        if (vm.replicationMode().isReplica() && (s == RECOVERED || s == FAILOVER_IN_PROGRESS)) {
            return;
        }
        if (vm.replicationMode() == ReplicationMode.PRIMARY && s == SYNCED_REPLICATION_COMPLETE) {
            return;
        }
        if (s == COMMITTED) {
            throw new OperationFailedException("the failover of " + vm.name() + " was committed; it can no"
                    + " longer be reverted", Hint.of(Hint.Kind.REVERSE_AND_FAIL_BACK, vm.name()));
        }
        throw Refusals.wrongState(vm, rel, "a failover can be reverted only on a Replica in "
                + Refusals.names(EnumSet.of(RECOVERED, FAILOVER_IN_PROGRESS), ReplicationMode.REPLICA)
                + ", or a Primary in " + SYNCED_REPLICATION_COMPLETE.describe(ReplicationMode.PRIMARY));
    }

    /** Reverted: a replica or primary back to Replicating; there is no failover to revert. */
    @Override
    public Set<ReplicationState> targetStates(ReplicationMode side) {
        return Set.of(ReplicationState.REPLICATING);
    }

    @Override
    public Power power() {
        return Power.OFF_IF_ALLOWED;
    }

    @Override
    public Invocation prepare(VerbContext host, VirtualMachine vm) {
        return host.onReplicationService(vm, MethodInput.create(), "");
    }

    @Override
    public Evidence<?> evidence() {
        return ReplicationStateEvidence.when((before, after) -> after != RECOVERED && after != FAILOVER_IN_PROGRESS
                        && after != SYNCED_REPLICATION_COMPLETE && after != COMMITTED,
                EnumSet.of(RECOVERED, SYNCED_REPLICATION_COMPLETE));
    }
}
