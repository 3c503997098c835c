package io.hypervwsman.plan;

/** How one VM of a plan ended. */
public enum VmOutcome {
    SUCCEEDED, FAILED,
    /** The action may or may not have happened; the host could not tell (e.g. unreachable on resume). */
    UNKNOWN,
    /** The failure policy kept it from starting. */
    NOT_RUN,
    /**
     * The run was interrupted after an Invoke's intent was journalled and before its answer, and on resume the host
     * showed that nothing happened (no job, no change): most likely never sent. Not sent again, so not carried out.
     */
    INTERRUPTED;

    /** Whether the failure policy treats this as a failure. */
    public boolean isFailure() {
        return this == FAILED || this == UNKNOWN || this == INTERRUPTED;
    }
}
