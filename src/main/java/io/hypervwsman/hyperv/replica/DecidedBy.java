package io.hypervwsman.hyperv.replica;

/** How an outcome was decided: what it rests on. */
public enum DecidedBy {
    /** The job the Invoke started, followed to its end. */
    JOB("job"),
    /** The method's ReturnValue (0 completed, or an error code) without a job. */
    RETURN_VALUE("return-value"),
    /** The host refused the Invoke with a WS-Management fault. */
    FAULT("fault"),
    /** The reply or the job was lost; the VM's replication state showed whether the operation took effect. */
    REPLICATION_STATE("replication-state"),
    /**
     * The VM's own state showed it: whether it still exists (stop-test-failover after a lost reply), or its power
     * state (stop-vm, whose InitiateShutdown only starts the guest's shutdown).
     */
    VM_STATE("vm-state"),
    /**
     * The reply or the job of an operation on the host was lost; the host's settings read back (the Replica server
     * settings, its authorization entries) showed whether it took effect.
     */
    HOST_SETTINGS("host-settings"),
    /** The reply to the Invoke was lost; the job it started was found on the host and followed to its end. */
    JOB_FOUND("job-found"),
    /** Refused before anything was invoked: a pre-check, or reading what the Invoke needs, failed. */
    PRE_CHECK("pre-check"),
    /** The VM was already as asked (already running, already suspended): nothing was invoked. */
    NOTHING_TO_DO("nothing-to-do"),
    /** A dry run: checked, nothing invoked. */
    DRY_RUN("dry-run"),
    /** Nothing decided it: the outcome is timed-out or unknown. */
    NONE("none");

    private final String label;

    DecidedBy(String label) {
        this.label = label;
    }

    /** The name the CLI and the JSON use. */
    public String label() {
        return label;
    }
}
