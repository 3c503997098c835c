package io.hypervwsman.hyperv.replica;

import static io.hypervwsman.hyperv.ReplicationState.REPLICATING;
import static io.hypervwsman.hyperv.ReplicationState.RESYNCHRONIZING;
import static io.hypervwsman.hyperv.ReplicationState.SUSPENDED;
import static io.hypervwsman.hyperv.ReplicationState.WAITING_TO_COMPLETE_INITIAL_REPLICATION;

import io.hypervwsman.hyperv.Relationship;
import io.hypervwsman.hyperv.ReplicationState;
import io.hypervwsman.hyperv.VirtualMachine;
import io.hypervwsman.wsman.MethodInput;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Suspend-VMReplication: Msvm_ComputerSystem.RequestReplicationStateChange(7) on the primary or the replica, from
 * Replicating, Waiting to complete initial replication or Resynchronizing (the states the cmdlet allows).
 */
public final class SuspendReplication implements ReplicaVerb {
    private static final Operation OPERATION = Operation.of("RequestReplicationStateChange");
    private static final Set<ReplicationState> FROM = EnumSet.of(REPLICATING, WAITING_TO_COMPLETE_INITIAL_REPLICATION,
            RESYNCHRONIZING);

    @Override
    public Operation operation() {
        return OPERATION;
    }

    @Override
    public Optional<String> nothingToDo(VerbContext host, VirtualMachine vm, Optional<Relationship> rel) {
        return rel.filter(r -> r.state() == SUSPENDED).map(r -> "replication of " + vm.name() + " is already Suspended");
    }

    @Override
    public void check(VirtualMachine vm, Relationship rel) {
        if (!FROM.contains(rel.state())) {
            throw Refusals.wrongState(vm, rel, "replication can be suspended only from " + Refusals.names(FROM));
        }
    }

    @Override
    public Invocation prepare(VerbContext host, VirtualMachine vm) {
        return new Invocation(vm.reference(), MethodInput.create().add("RequestedState", SUSPENDED.value()), "");
    }

    @Override
    public Evidence<?> evidence() {
        return ReplicationStateEvidence.when((before, after) -> after == SUSPENDED, FROM);
    }
}
