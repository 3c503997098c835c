package io.hypervwsman.hyperv.replica;

import io.hypervwsman.hyperv.Relationship;
import io.hypervwsman.hyperv.ReplicationState;
import io.hypervwsman.hyperv.VirtualMachine;
import io.hypervwsman.wsman.MethodInput;
import java.util.Optional;

/**
 * Remove-VMReplication on this side (the other side is removed separately, as the cmdlet documents):
 * Msvm_ReplicationService.RemoveReplicationRelationship(ComputerSystem), which acts on the primary relationship.
 */
public final class RemoveReplication implements ReplicaVerb {
    private static final Operation OPERATION = Operation.of("RemoveReplicationRelationship");

    @Override
    public Operation operation() {
        return OPERATION;
    }

    @Override
    public Optional<String> nothingToDo(VerbContext host, VirtualMachine vm, Optional<Relationship> rel) {
        return rel.isEmpty() || rel.get().state() == ReplicationState.DISABLED
                ? Optional.of(vm.name() + " is not replicated") : Optional.empty();
    }

    @Override
    public void check(VirtualMachine vm, Relationship rel) {
        // Any relationship can be removed; the host refuses one in the middle of a failover (32775).
    }

    @Override
    public Invocation prepare(VerbContext host, VirtualMachine vm) {
        return host.onReplicationService(vm, MethodInput.create(), "");
    }

    @Override
    public Evidence<?> evidence() {
        return new Gone();
    }

    /** Removed: the relationship is gone, or (a reading of the docs we cannot rule out) left Disabled. */
    private static final class Gone implements Evidence<ReplicationState> {
        @Override
        public DecidedBy decidedBy() {
            return DecidedBy.REPLICATION_STATE;
        }

        @Override
        public String label() {
            return "replication state";
        }

        @Override
        public ReplicationState before(VirtualMachine vm, Optional<Relationship> rel) {
            return rel.map(Relationship::state).orElse(ReplicationState.DISABLED);
        }

        @Override
        public ReplicationState read(VerbContext host, VirtualMachine vm) {
            return host.vms().primaryRelationship(vm).map(Relationship::state).orElse(ReplicationState.DISABLED);
        }

        @Override
        public boolean tookEffect(ReplicationState before, ReplicationState after) {
            return after == ReplicationState.DISABLED;
        }

        @Override
        public boolean unchangedMeansFailed(ReplicationState unchanged) {
            return unchanged != ReplicationState.DISABLED;
        }

        @Override
        public String describe(ReplicationState reading) {
            return reading == ReplicationState.DISABLED ? "none (not replicated)" : reading.displayName();
        }
    }
}
