package io.hypervwsman.hyperv.replica;

import io.hypervwsman.hyperv.VirtualMachine;
import io.hypervwsman.wsman.EndpointReference;
import java.time.Instant;
import java.util.Optional;

/**
 * After the reply to an Invoke was lost: finds the job the Invoke started, if the host shows one, so that the
 * engine can follow it (the outcome is then decided by {@link DecidedBy#JOB_FOUND}). Must only read, never
 * invoke. The default, {@link #NONE}, finds nothing: the engine decides from the evidence instead.
 */
@FunctionalInterface
public interface JobFinder {
    JobFinder NONE = lost -> Optional.empty();

    /** The job the lost Invoke started, or empty if it cannot be told apart. */
    Optional<EndpointReference> find(LostReply lost);

    /**
     * An Invoke whose reply was lost: which operation, on which VM (null for an operation on the host itself), sent
     * no earlier than {@code sentAfter}.
     */
    record LostReply(Operation operation, VirtualMachine vm, Instant sentAfter) {
    }
}
