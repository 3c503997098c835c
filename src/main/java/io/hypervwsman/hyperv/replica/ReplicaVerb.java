package io.hypervwsman.hyperv.replica;

import io.hypervwsman.hyperv.Relationship;
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
        return java.util.Optional.empty();
    }

    /**
     * Whether the method's success only starts the change (InitiateShutdown returns 0 once the guest has been asked),
     * so the outcome waits for the {@link #evidence()} to show it, until the deadline.
     */
    default boolean confirmsByEvidence() {
        return false;
    }

    /**
     * Refuses (throws) when the VM's mode and replication state do not allow the operation. Called only for a verb
     * that {@link #checksReplication() checks replication}; others check what they need in {@link #prepare}.
     */
    default void check(VirtualMachine vm, Relationship rel) {
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
