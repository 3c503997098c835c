package io.hypervwsman.hyperv.replica;

import io.hypervwsman.Hint;
import io.hypervwsman.HyperVWsManException;
import io.hypervwsman.OperationFailedException;
import io.hypervwsman.hyperv.Relationship;
import io.hypervwsman.hyperv.ReplicationMode;
import io.hypervwsman.hyperv.ReplicationState;
import io.hypervwsman.hyperv.VirtualMachine;
import java.util.Optional;
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
                    + " in state " + rel.state().describe(vm.replicationMode()) + "; it can be " + verb
                    + " only as a Replica in " + names(allowed, ReplicationMode.REPLICA));
        }
    }

    /**
     * Refuses a failover verb on a primary: failover runs on the replica server, named when the VM's replication
     * settings know it (RecoveryConnectionPoint).
     */
    public static void failoverRunsOnTheReplica(VerbContext host, VirtualMachine vm, Relationship rel, Operation op) {
        Optional<String> server = Optional.empty();
        try {
            server = host.vms().replicationSettings(vm).recoveryServer();
        } catch (HyperVWsManException unreadable) {
            // the refusal stands without the server's name
        }
        throw new OperationFailedException(vm.name() + " is the Primary (state " + rel.state().describe(
                ReplicationMode.PRIMARY) + ") on " + host.host() + "; " + op.command() + " runs on the replica server"
                + server.map(s -> ", " + s).orElse(" (Get-VMReplication on " + host.host() + " names it)"),
                Hint.of(Hint.Kind.RUN_ON_REPLICA_SERVER, server.orElse(null)));
    }

    /** "X is a Replica in state S (n); " followed by what the verb needs. */
    public static OperationFailedException wrongState(VirtualMachine vm, Relationship rel, String needs) {
        return new OperationFailedException(vm.name() + " is a " + vm.replicationMode().displayName() + " in state "
                + rel.state().describe(vm.replicationMode()) + "; " + needs);
    }

    /** The states as Get-VMReplication names them on {@code side}, with their numbers. */
    static String names(Set<ReplicationState> states, ReplicationMode side) {
        return states.stream().sorted().map(s -> s.describe(side)).collect(Collectors.joining(", "));
    }
}
