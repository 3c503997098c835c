package io.hypervwsman.hyperv.replica;

import static io.hypervwsman.hyperv.ReplicationState.REPLICATING;
import static io.hypervwsman.hyperv.ReplicationState.SUSPENDED;

import io.hypervwsman.hyperv.Relationship;
import io.hypervwsman.hyperv.ReplicationState;
import io.hypervwsman.hyperv.VirtualMachine;
import io.hypervwsman.wsman.MethodInput;
import java.util.Optional;
import java.util.Set;

/**
 * Resume-VMReplication (without -Resynchronize, which is the resynchronize verb):
 * Msvm_ComputerSystem.RequestReplicationStateChange(3) from Suspended.
 */
public final class ResumeReplication implements ReplicaVerb {
    private static final Operation OPERATION = Operation.of("RequestReplicationStateChange");
    private static final Set<ReplicationState> FROM = Set.of(SUSPENDED);

    @Override
    public Operation operation() {
        return OPERATION;
    }

    @Override
    public Optional<String> nothingToDo(VerbContext host, VirtualMachine vm, Optional<Relationship> rel) {
        return rel.filter(r -> r.state() == REPLICATING).map(r -> "replication of " + vm.name() + " is already Replicating");
    }

    @Override
    public void check(VirtualMachine vm, Relationship rel) {
        if (!FROM.contains(rel.state())) {
            throw Refusals.wrongState(vm, rel, "replication can be resumed only from Suspended (a VM that needs"
                    + " resynchronization: resynchronize)");
        }
    }

    @Override
    public Invocation prepare(VerbContext host, VirtualMachine vm) {
        return new Invocation(vm.reference(), MethodInput.create().add("RequestedState", REPLICATING.value()), "");
    }

    @Override
    public Evidence<?> evidence() {
        return ReplicationStateEvidence.when((before, after) -> after == REPLICATING, FROM);
    }
}
