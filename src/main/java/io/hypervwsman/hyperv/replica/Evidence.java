package io.hypervwsman.hyperv.replica;

import io.hypervwsman.hyperv.Relationship;
import io.hypervwsman.hyperv.VirtualMachine;
import java.util.Optional;

/**
 * What "it happened" looks like on the host when the job cannot say (its reply or the job itself was lost):
 * something the engine can read before and after, and compare.
 *
 * @param <S> one reading (a replication state, whether a VM exists); null when there is nothing to read
 */
public interface Evidence<S> {

    /** What an outcome decided by this evidence says it rests on. */
    DecidedBy decidedBy();

    /** What is read, for messages: "replication state". */
    String label();

    /** The reading before the Invoke, from what the pre-checks read ({@code rel} is empty with no relationship). */
    S before(VirtualMachine vm, Optional<Relationship> rel);

    /**
     * The reading before the Invoke, read from the host when the pre-checks' reads do not hold it (a test VM's
     * existence); by default {@link #before(VirtualMachine, Optional)}.
     */
    default S beforeInvoke(VerbContext host, VirtualMachine vm, Optional<Relationship> rel) {
        return before(vm, rel);
    }

    /** The reading now. */
    S read(VerbContext host, VirtualMachine vm);

    /** Whether going from {@code before} to {@code after} shows that the operation took effect. */
    boolean tookEffect(S before, S after);

    /** Whether, once the job has ended, an unchanged reading shows that the operation did not take effect. */
    default boolean unchangedMeansFailed(S unchanged) {
        return false;
    }

    /** The reading in words ("none", "Off"). */
    String describe(S reading);

    /** The reading of {@code vm} in words; a reading whose name depends on the VM (its mode) says so here. */
    default String describe(VirtualMachine vm, S reading) {
        return describe(reading);
    }

    /** False for an operation whose effect does not show in the reading: the outcome stays unknown. */
    default boolean tells() {
        return true;
    }
}
