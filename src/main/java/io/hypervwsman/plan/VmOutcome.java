package io.hypervwsman.plan;

/** How one VM of a plan ended. */
public enum VmOutcome {
    SUCCEEDED, FAILED,
    /** The action may or may not have happened; the host could not tell (e.g. unreachable on resume). */
    UNKNOWN,
    /** The failure policy kept it from starting. */
    NOT_RUN;

    /** Whether the failure policy treats this as a failure. */
    public boolean isFailure() {
        return this == FAILED || this == UNKNOWN;
    }
}
