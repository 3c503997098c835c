package io.hypervwsman.hyperv.replica;

import io.hypervwsman.hyperv.Relationship;
import io.hypervwsman.hyperv.ReplicationState;
import io.hypervwsman.hyperv.VirtualMachine;
import java.util.EnumSet;
import java.util.Set;

/**
 * Start-VMFailover -AsTest [-VMRecoverySnapshot]: create a test VM from a recovery point, the latest by default.
 * The replica's state does not change, so a lost job leaves the outcome unknown.
 */
public final class TestFailover implements ReplicaVerb {
    private static final Set<ReplicationState> FROM = EnumSet.of(ReplicationState.REPLICATING,
            ReplicationState.SUSPENDED);
    private final String recoveryPoint;

    /** @param recoveryPoint its name or InstanceID; null or "latest" for the latest */
    public TestFailover(String recoveryPoint) {
        this.recoveryPoint = recoveryPoint;
    }

    @Override
    public Operation operation() {
        return Operation.TEST_FAILOVER;
    }

    @Override
    public void check(VirtualMachine vm, Relationship rel) {
        Refusals.requireReplicaIn(vm, rel, FROM, "test-failed-over");
    }

    @Override
    public Invocation prepare(VerbContext host, VirtualMachine vm) {
        return host.atRecoveryPoint(vm, recoveryPoint);
    }

    @Override
    public Evidence<?> evidence() {
        return ReplicationStateEvidence.silent();
    }
}
