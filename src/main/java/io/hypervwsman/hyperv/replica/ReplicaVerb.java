package io.hypervwsman.hyperv.replica;

import io.hypervwsman.hyperv.Relationship;
import io.hypervwsman.hyperv.ReplicationMode;
import io.hypervwsman.hyperv.ReplicationState;
import io.hypervwsman.hyperv.VirtualMachine;

/**
 * One Replica operation, saying only what is its own: what it checks, what it invokes, and what "it happened"
 * looks like on the host. The engine ({@link ReplicaOperations#run}) does the rest: resolve, pre-check, invoke
 * exactly once, follow the job, decide, report. A check refuses by throwing
 * {@link io.hypervwsman.OperationFailedException} (with a hint); the engine turns that into a FAILED outcome.
 */
public interface ReplicaVerb {

    /** What the outcome is about. */
    Operation operation();

    /** The VM the method acts on, given the one the caller named (stop-test-failover: the test VM). */
    default VirtualMachine target(VerbContext host, VirtualMachine named) {
        return named;
    }

    /** Whether the engine's replication pre-checks apply (a replicated VM, not a test VM); skipped with force. */
    default boolean checksReplication() {
        return true;
    }

    /**
     * Why there is nothing to do (the VM is already in the state the verb would bring it to), or empty. Asked before
     * the pre-checks, so "already suspended" is an idempotent success rather than a wrong-state refusal.
     *
     * @param rel the primary relationship, when the verb {@link #checksReplication() checks replication} or the
     *            VM has one; empty otherwise
     */
    default java.util.Optional<String> nothingToDo(VerbContext host, VirtualMachine vm,
                                                   java.util.Optional<Relationship> rel) {
        java.util.Set<ReplicationState> done = targetStates(vm.replicationMode());
        return rel.filter(r -> done.contains(r.state())).map(r -> vm.name() + " is already "
                + (vm.replicationMode().displayName().startsWith("E") ? "an " : "a ")
                + vm.replicationMode().displayName() + " in state " + r.state().describe(vm.replicationMode()));
    }

    /**
     * The replication states, on the VM's side, the verb brings a VM to (commit-failover: a Replica FailedOver);
     * a VM already in one has nothing to do (exit 0, changed false, nothing invoked). None by default.
     */
    default java.util.Set<ReplicationState> targetStates(ReplicationMode side) {
        return java.util.Set.of();
    }

    /**
     * Whether {@code call}'s success only starts the change (InitiateShutdown returns 0 once the guest has been asked),
     * so the outcome waits for the {@link #evidence()} to show it, until the deadline. Decided from the Invocation
     * {@link #prepare} made for this VM, never from state kept in the verb, so one verb may serve many VMs at once.
     */
    default boolean confirmsByEvidence(Invocation call) {
        return false;
    }

    /**
     * Refuses (throws) when the VM's mode and replication state do not allow the operation. Called only for a verb
     * that {@link #checksReplication() checks replication}; others check what they need in {@link #prepare}.
     */
    default void check(VirtualMachine vm, Relationship rel) {
    }

    /** {@link #check(VirtualMachine, Relationship)} for a verb whose refusal names something read from the host. */
    default void check(VerbContext host, VirtualMachine vm, Relationship rel) {
        check(vm, rel);
    }

    /** Whether the VM must be off first. */
    default Power power() {
        return Power.ANY;
    }

    /** Reads what the Invoke needs and returns it, not yet sent. */
    Invocation prepare(VerbContext host, VirtualMachine vm);

    /** What shows on the host that the operation took effect, when the job cannot say. */
    Evidence<?> evidence();

    /** The power state an operation needs. */
    enum Power {
        /** Any. */
        ANY,
        /** Off: turned off first only when the caller allows it (OperationOptions.turnOff), else refused. */
        OFF_IF_ALLOWED,
        /** Off: always turned off first (also from Saved). */
        OFF
    }
}
