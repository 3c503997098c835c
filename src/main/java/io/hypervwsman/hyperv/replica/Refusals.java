package io.hypervwsman.hyperv.replica;

import io.hypervwsman.OperationFailedException;
import io.hypervwsman.hyperv.Relationship;
import io.hypervwsman.hyperv.ReplicationState;
import io.hypervwsman.hyperv.VirtualMachine;
import java.util.Set;
import java.util.stream.Collectors;

/** The refusals verbs share, worded once. */
public final class Refusals {
    private Refusals() {
    }

    /** Refuses unless the VM is a replica in one of {@code allowed}; {@code verb} as in "it can be committed". */
    public static void requireReplicaIn(VirtualMachine vm, Relationship rel, Set<ReplicationState> allowed,
                                        String verb) {
        if (!vm.replicationMode().isReplica() || !allowed.contains(rel.state())) {
            throw new OperationFailedException(vm.name() + " is a " + vm.replicationMode().displayName()
                    + " in state " + rel.state().displayName() + " (" + rel.state().value() + "); it can be " + verb
                    + " only as a replica in " + names(allowed));
        }
    }

    /** "X is a Replica in state S (n); " followed by what the verb needs. */
    public static OperationFailedException wrongState(VirtualMachine vm, Relationship rel, String needs) {
        return new OperationFailedException(vm.name() + " is a " + vm.replicationMode().displayName() + " in state "
                + rel.state().displayName() + " (" + rel.state().value() + "); " + needs);
    }

    static String names(Set<ReplicationState> states) {
        return states.stream().sorted().map(ReplicationState::displayName).collect(Collectors.joining(", "));
    }
}
