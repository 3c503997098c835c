package io.hypervwsman.hyperv;

/** How an operation ended, as the CLI and the JSON report it. */
public enum Outcome {
    SUCCEEDED("succeeded", 0), FAILED("failed", 1), TIMED_OUT("timed-out", 5), UNKNOWN("unknown", 5);

    private final String label;
    private final int exitCode;

    Outcome(String label, int exitCode) {
        this.label = label;
        this.exitCode = exitCode;
    }

    public String label() {
        return label;
    }

    public int exitCode() {
        return exitCode;
    }
}
