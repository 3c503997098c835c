package io.hypervwsman.hyperv.replica;

import io.hypervwsman.OperationFailedException;
import io.hypervwsman.hyperv.Relationship;
import io.hypervwsman.hyperv.ReplicationMode;
import io.hypervwsman.hyperv.VirtualMachine;
import io.hypervwsman.hyperv.VmNotFoundException;
import io.hypervwsman.hyperv.VmRef;
import io.hypervwsman.wsman.MethodInput;
import java.util.Optional;

/**
 * Stop-VMFailover after a test failover: turn the test VM off if needed and delete it (DestroySystem on
 * Msvm_VirtualSystemManagementService). Not RevertFailover. Accepts the replica or the test VM.
 */
public final class StopTestFailover implements ReplicaVerb {

    @Override
    public Operation operation() {
        return Operation.STOP_TEST_FAILOVER;
    }

    @Override
    public VirtualMachine target(VerbContext host, VirtualMachine named) {
        if (named.replicationMode() == ReplicationMode.TEST_REPLICA) {
            return named;
        }
        VirtualMachine test;
        try {
            test = host.vms().resolve(VmRef.of(named.name() + " - Test"));
        } catch (VmNotFoundException e) {
            throw new OperationFailedException("no test failover is running for " + named.name() + " (no VM named '"
                    + named.name() + " - Test')");
        }
        if (test.replicationMode() != ReplicationMode.TEST_REPLICA) {
            throw new OperationFailedException(test.name() + " is not a test replica (mode "
                    + test.replicationMode().displayName() + "); refusing to delete it");
        }
        return test;
    }

    @Override
    public boolean checksReplication() {
        return false;
    }

    @Override
    public void check(VirtualMachine vm, Relationship rel) {
        // the test VM has no relationship of its own; target() checked that it is one
    }

    @Override
    public Power power() {
        return Power.OFF;
    }

    @Override
    public Invocation prepare(VerbContext host, VirtualMachine vm) {
        return new Invocation(host.managementService(),
                MethodInput.create().addReference("AffectedSystem", vm.reference()), ", deleting the test VM");
    }

    @Override
    public Evidence<?> evidence() {
        return new TestVmExists();
    }

    /** Whether the test VM still exists: its deletion shows in its absence. */
    private static final class TestVmExists implements Evidence<Boolean> {
        @Override
        public DecidedBy decidedBy() {
            return DecidedBy.VM_STATE;
        }

        @Override
        public String label() {
            return "VM state";
        }

        @Override
        public Boolean before(VirtualMachine vm, Optional<Relationship> rel) {
            return Boolean.TRUE;
        }

        @Override
        public Boolean read(VerbContext host, VirtualMachine vm) {
            try {
                host.vms().resolve(VmRef.of(vm.id()));
                return Boolean.TRUE;
            } catch (VmNotFoundException e) {
                return Boolean.FALSE;
            }
        }

        @Override
        public boolean tookEffect(Boolean before, Boolean after) {
            return Boolean.FALSE.equals(after);
        }

        @Override
        public String describe(Boolean exists) {
            return exists == null ? "unread" : exists ? "present" : "deleted";
        }
    }
}
