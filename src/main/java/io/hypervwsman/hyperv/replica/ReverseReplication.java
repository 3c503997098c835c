package io.hypervwsman.hyperv.replica;

import static io.hypervwsman.hyperv.ReplicationState.COMMITTED;
import static io.hypervwsman.hyperv.ReplicationState.READY_FOR_REPLICATION;
import static io.hypervwsman.hyperv.ReplicationState.RECOVERED;
import static io.hypervwsman.hyperv.ReplicationState.REPLICATING;
import static io.hypervwsman.hyperv.ReplicationState.WAITING_TO_COMPLETE_INITIAL_REPLICATION;

import io.hypervwsman.Hint;
import io.hypervwsman.OperationFailedException;
import io.hypervwsman.hyperv.Relationship;
import io.hypervwsman.hyperv.ReverseOptions;
import io.hypervwsman.hyperv.VirtualMachine;
import io.hypervwsman.wsman.EmbeddedInstance;
import io.hypervwsman.wsman.MethodInput;
import java.util.EnumSet;

/**
 * Set-VMReplication -Reverse on a failed-over replica: it becomes the primary and replicates to the server the
 * options name (by default the one it failed over from). Allowed on a replica whose failover was committed, or
 * (planned failover) one in Recovered after a failover prepared on the primary.
 */
public final class ReverseReplication implements ReplicaVerb {
    private final ReverseOptions reverse;

    public ReverseReplication(ReverseOptions reverse) {
        this.reverse = reverse;
    }

    @Override
    public Operation operation() {
        return Operation.REVERSE_REPLICATION;
    }

    @Override
    public void check(VirtualMachine vm, Relationship rel) {
        boolean replica = vm.replicationMode().isReplica();
        if (replica && (rel.state() == COMMITTED || rel.state() == RECOVERED
                && rel.failedOverReplicationType() == Relationship.PLANNED_FAILOVER)) {
            return;
        }
        if (replica && rel.state() == RECOVERED) {
            throw new OperationFailedException(vm.name() + " is failed over ("
                    + rel.state().describe(vm.replicationMode()) + ") but the failover is not"
                    + " committed; reversing replication now would discard its other recovery points",
                    Hint.of(Hint.Kind.COMMIT_OR_REVERT_FIRST, vm.name()));
        }
        throw Refusals.wrongState(vm, rel, "replication can be reversed only on a replica whose failover was"
                + " committed, or after a planned failover");
    }

    @Override
    public Invocation prepare(VerbContext host, VirtualMachine vm) {
        EmbeddedInstance rsd = host.vms().replicationSettings(vm).reversed(reverse.replicaServer(), reverse.port(),
                reverse.authenticationType(), reverse.certificateThumbprint());
        String to = rsd.value("RecoveryConnectionPoint").orElse("?")
                + rsd.value("RecoveryServerPortNumber").map(p -> ":" + p).orElse("");
        return host.onReplicationService(vm, MethodInput.create().add("ReplicationSettingData", rsd.toCimXml()),
                ", replicating to " + to);
    }

    @Override
    public Evidence<?> evidence() {
        return ReplicationStateEvidence.when((before, after) -> after != before && (after == READY_FOR_REPLICATION
                || after == WAITING_TO_COMPLETE_INITIAL_REPLICATION || after == REPLICATING),
                EnumSet.of(COMMITTED, RECOVERED));
    }
}
