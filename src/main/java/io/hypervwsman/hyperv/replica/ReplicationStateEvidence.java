package io.hypervwsman.hyperv.replica;

import io.hypervwsman.hyperv.Relationship;
import io.hypervwsman.hyperv.ReplicationMode;
import io.hypervwsman.hyperv.ReplicationState;
import io.hypervwsman.hyperv.VirtualMachine;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

/** The primary relationship's ReplicationState as evidence: most verbs change it in a way that can be told. */
public final class ReplicationStateEvidence implements Evidence<ReplicationState> {
    private final BiPredicate<ReplicationState, ReplicationState> tookEffect;
    private final Set<ReplicationState> unchangedMeansFailed;
    private final boolean tells;

    private ReplicationStateEvidence(BiPredicate<ReplicationState, ReplicationState> tookEffect,
                                     Set<ReplicationState> unchangedMeansFailed, boolean tells) {
        this.tookEffect = tookEffect;
        this.unchangedMeansFailed = Set.copyOf(unchangedMeansFailed);
        this.tells = tells;
    }

    /**
     * @param tookEffect            (before, after): whether the state shows the operation took effect
     * @param unchangedMeansFailed  states that, still unchanged after the job ended, show it did not
     */
    public static ReplicationStateEvidence when(BiPredicate<ReplicationState, ReplicationState> tookEffect,
                                                Set<ReplicationState> unchangedMeansFailed) {
        return new ReplicationStateEvidence(tookEffect, unchangedMeansFailed, true);
    }

    /** For an operation the replication state does not show (a test failover leaves it as it was). */
    public static ReplicationStateEvidence silent() {
        return new ReplicationStateEvidence((b, a) -> false, Set.of(), false);
    }

    @Override
    public DecidedBy decidedBy() {
        return DecidedBy.REPLICATION_STATE;
    }

    @Override
    public String label() {
        return "replication state";
    }

    @Override
    public ReplicationState before(VirtualMachine vm, Optional<Relationship> rel) {
        return rel.map(Relationship::state).orElse(null);
    }

    @Override
    public ReplicationState read(VerbContext host, VirtualMachine vm) {
        return host.vms().primaryRelationship(vm).map(Relationship::state).orElse(null);
    }

    @Override
    public boolean tookEffect(ReplicationState before, ReplicationState after) {
        return after != null && tookEffect.test(before, after);
    }

    @Override
    public boolean unchangedMeansFailed(ReplicationState unchanged) {
        return unchangedMeansFailed.contains(unchanged);
    }

    @Override
    public boolean tells() {
        return tells;
    }

    @Override
    public String describe(ReplicationState reading) {
        return reading == null ? "none" : reading.describe(ReplicationMode.REPLICA);
    }

    /** As Get-VMReplication names it for this VM's side, e.g. "FailedOverWaitingCompletion (5)". */
    @Override
    public String describe(VirtualMachine vm, ReplicationState reading) {
        return reading == null ? "none" : reading.describe(vm.replicationMode());
    }
}
