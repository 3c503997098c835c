package io.hypervwsman.hyperv.replica;

import io.hypervwsman.hyperv.Relationship;
import io.hypervwsman.hyperv.ReplicationMode;
import io.hypervwsman.hyperv.ReplicationState;
import io.hypervwsman.hyperv.VirtualMachine;
import io.hypervwsman.wsman.MethodInput;
import java.util.Set;

/** Complete-VMFailover: commit a failover (it can no longer be reverted afterwards). */
public final class CommitFailover implements ReplicaVerb {
    private static final Set<ReplicationState> FROM = Set.of(ReplicationState.RECOVERED);

    @Override
    public Operation operation() {
        return Operation.COMMIT_FAILOVER;
    }

    @Override
    public void check(VirtualMachine vm, Relationship rel) {
        Refusals.requireReplicaIn(vm, rel, FROM, "committed");
    }

    /** Committed: FailedOver on the replica. */
    @Override
    public Set<ReplicationState> targetStates(ReplicationMode side) {
        return side.isReplica() ? Set.of(ReplicationState.COMMITTED) : Set.of();
    }

    @Override
    public Invocation prepare(VerbContext host, VirtualMachine vm) {
        return host.onReplicationService(vm, MethodInput.create(), "");
    }

    @Override
    public Evidence<?> evidence() {
        return ReplicationStateEvidence.when((before, after) -> after == ReplicationState.COMMITTED, FROM);
    }
}
