package io.hypervwsman.hyperv.replica;

import io.hypervwsman.OperationFailedException;
import io.hypervwsman.hyperv.Relationship;
import io.hypervwsman.hyperv.ReplicationMode;
import io.hypervwsman.hyperv.ReplicationState;
import io.hypervwsman.hyperv.VirtualMachine;
import io.hypervwsman.wsman.MethodInput;
import java.util.EnumSet;
import java.util.Set;

/** Resume-VMReplication -Resynchronize. */
public final class Resynchronize implements ReplicaVerb {
    private static final Set<ReplicationState> FROM = EnumSet.of(ReplicationState.CRITICAL,
            ReplicationState.WAITING_TO_START_RESYNCHRONIZATION, ReplicationState.RESYNCHRONIZATION_SUSPENDED);

    @Override
    public Operation operation() {
        return Operation.RESYNCHRONIZE;
    }

    @Override
    public void check(VirtualMachine vm, Relationship rel) {
        if (!FROM.contains(rel.state())) {
            throw new OperationFailedException(vm.name() + " is in state " + rel.state().describe(vm.replicationMode())
                    + "; resynchronize applies to " + Refusals.names(FROM, vm.replicationMode()));
        }
    }

    /** Resynchronizing or, once done, Replicating again. */
    @Override
    public Set<ReplicationState> targetStates(ReplicationMode side) {
        return EnumSet.of(ReplicationState.RESYNCHRONIZING, ReplicationState.REPLICATING);
    }

    @Override
    public Invocation prepare(VerbContext host, VirtualMachine vm) {
        return host.onReplicationService(vm, MethodInput.create(), "");
    }

    @Override
    public Evidence<?> evidence() {
        return ReplicationStateEvidence.when((before, after) -> after == ReplicationState.REPLICATING
                || after == ReplicationState.RESYNCHRONIZING, FROM);
    }
}
