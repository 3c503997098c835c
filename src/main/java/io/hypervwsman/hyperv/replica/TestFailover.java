package io.hypervwsman.hyperv.replica;

import io.hypervwsman.OperationFailedException;
import io.hypervwsman.hyperv.Relationship;
import io.hypervwsman.hyperv.ReplicationState;
import io.hypervwsman.hyperv.VirtualMachine;
import java.util.EnumSet;
import java.util.Set;

/**
 * Start-VMFailover -AsTest [-VMRecoverySnapshot]: create a test VM from a recovery point, the latest by default.
 * The replica's state does not change; when the job cannot say (a lost reply, an unreadable job), the test VM it
 * creates decides ({@link TestVmEvidence}).
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
    public void check(VerbContext host, VirtualMachine vm, Relationship rel) {
        Refusals.requireReplicaIn(vm, rel, FROM, "test-failed-over");
        TestVmEvidence.testVm(host, vm).ifPresent(test -> {
            throw new OperationFailedException("a test failover of " + vm.name() + " is already running (test VM "
                    + test.name() + "): end it with stop-test-failover first");
        });
    }

    @Override
    public Invocation prepare(VerbContext host, VirtualMachine vm) {
        return host.atRecoveryPoint(vm, recoveryPoint);
    }

    @Override
    public Evidence<?> evidence() {
        return new TestVmEvidence();
    }
}
