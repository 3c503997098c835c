package io.hypervwsman.hyperv.replica;

/** How an operation ended. */
public enum Outcome {
    /** It happened. */
    SUCCEEDED("succeeded"),
    /** It did not happen: refused before the Invoke (decided by pre-check), refused by the host, or the job failed. */
    FAILED("failed"),
    /** The job was still running when the timeout passed; it goes on on the host. */
    TIMED_OUT("timed-out"),
    /** It may or may not have happened, and nothing that could be read tells: never treat this as failed. */
    UNKNOWN("unknown");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    /** The name the CLI and the JSON use. */
    public String label() {
        return label;
    }
}
