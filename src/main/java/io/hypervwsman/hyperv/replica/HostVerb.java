package io.hypervwsman.hyperv.replica;

import java.util.Optional;

/**
 * One operation on the host itself rather than on a VM (Set-VMReplicationServer, Test-VMReplicationConnection),
 * saying only what is its own; the engine ({@link ReplicaOperations#run(HostVerb,
 * io.hypervwsman.hyperv.OperationOptions)}) reads, invokes exactly once, follows the job and decides, as for a
 * {@link ReplicaVerb}. A refusal is thrown as {@link io.hypervwsman.OperationFailedException} from
 * {@link #nothingToDo} or {@link #prepare}; nothing has been invoked then.
 */
public interface HostVerb {

    /** What the outcome is about. */
    Operation operation();

    /** Why there is nothing to do (the host already shows what the verb would bring about), or empty. */
    default Optional<String> nothingToDo(VerbContext host) {
        return Optional.empty();
    }

    /** Reads what the Invoke needs and returns it, not yet sent. */
    Invocation prepare(VerbContext host);

    /** What shows on the host that the operation took effect, when the job cannot say. */
    HostEvidence evidence();
}
