package io.hypervwsman.hyperv.replica;

import io.hypervwsman.hyperv.Relationship;
import io.hypervwsman.hyperv.ReplicationMode;
import io.hypervwsman.hyperv.VirtualMachine;
import io.hypervwsman.hyperv.VmNotFoundException;
import io.hypervwsman.hyperv.VmRef;
import java.util.Optional;

/**
 * Whether the replica has a test VM, as evidence for test-failover: TestReplicaSystem leaves the replication state
 * as it was, but creates a VM named "NAME - Test" in replication mode TestReplica (3), which Hyper-V Manager and
 * Stop-VMFailover look for (reference hyperv-replica.md, checklist 3). Its appearance shows the test failover took
 * effect; its absence shows nothing, so the outcome then stays unknown (the VM may still be being created).
 */
final class TestVmEvidence implements Evidence<Boolean> {

    /** The test VM of {@code replica}, if there is one. */
    static Optional<VirtualMachine> testVm(VerbContext host, VirtualMachine replica) {
        try {
            VirtualMachine test = host.vms().resolve(VmRef.of(replica.name() + " - Test"));
            return test.replicationMode() == ReplicationMode.TEST_REPLICA ? Optional.of(test) : Optional.empty();
        } catch (VmNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public DecidedBy decidedBy() {
        return DecidedBy.VM_STATE;
    }

    @Override
    public String label() {
        return "test VM";
    }

    /** Not known from the pre-checks' reads: {@link #beforeInvoke} reads it. */
    @Override
    public Boolean before(VirtualMachine vm, Optional<Relationship> rel) {
        return null;
    }

    @Override
    public Boolean beforeInvoke(VerbContext host, VirtualMachine vm, Optional<Relationship> rel) {
        return read(host, vm);
    }

    @Override
    public Boolean read(VerbContext host, VirtualMachine vm) {
        return testVm(host, vm).isPresent();
    }

    @Override
    public boolean tookEffect(Boolean before, Boolean after) {
        return Boolean.FALSE.equals(before) && Boolean.TRUE.equals(after);
    }

    @Override
    public String describe(Boolean exists) {
        return exists == null ? "unread" : exists ? "present" : "absent";
    }
}
