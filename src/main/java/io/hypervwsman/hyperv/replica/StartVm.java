package io.hypervwsman.hyperv.replica;

import io.hypervwsman.OperationFailedException;
import io.hypervwsman.hyperv.Relationship;
import io.hypervwsman.hyperv.ReplicationState;
import io.hypervwsman.hyperv.VirtualMachine;
import io.hypervwsman.wsman.MethodInput;
import java.util.Optional;
import java.util.Set;

/**
 * Start-VM: Msvm_ComputerSystem.RequestStateChange(2) from Off, Saved or Paused. A replica starts only once it is
 * failed over (Recovered or Committed): before that its disks are the target of replication and the host refuses.
 */
public final class StartVm extends PowerStateVerb {
    private static final Operation OPERATION = Operation.of("RequestStateChange", "start-vm");
    private static final long RUNNING = 2;
    private static final PowerStateEvidence EVIDENCE = PowerStateEvidence.when(s -> s == RUNNING);
    private static final Set<Long> FROM = Set.of(3L, 6L, 9L);
    private static final Set<ReplicationState> REPLICA_MAY_RUN = Set.of(ReplicationState.RECOVERED,
            ReplicationState.COMMITTED);

    private final boolean skipReplicaCheck;

    /** @param skipReplicaCheck do not refuse a replica that is not failed over (the host still will: 32775) */
    public StartVm(boolean skipReplicaCheck) {
        super(OPERATION, EVIDENCE);
        this.skipReplicaCheck = skipReplicaCheck;
    }

    @Override
    public Invocation prepare(VerbContext host, VirtualMachine vm) {
        if (!FROM.contains(vm.enabledState())) {
            throw new OperationFailedException(vm.name() + " is " + vm.powerState() + "; it can be started only"
                    + " from Off, Saved or Paused");
        }
        if (vm.replicationMode().isReplica() && !skipReplicaCheck) {
            Optional<Relationship> rel = host.vms().primaryRelationship(vm);
            if (rel.isPresent() && !REPLICA_MAY_RUN.contains(rel.get().state())) {
                throw Refusals.wrongState(vm, rel.get(), "a replica can be started only after a failover ("
                        + Refusals.names(REPLICA_MAY_RUN, vm.replicationMode()) + "); fail it over first (initiate-failover)");
            }
        }
        return new Invocation(vm.reference(), MethodInput.create().add("RequestedState", RUNNING),
                ", from " + vm.powerState() + " to Running");
    }
}
