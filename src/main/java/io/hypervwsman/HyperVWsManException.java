package io.hypervwsman;

/** Root of every exception hyperv-wsman throws; carries the CLI exit code that fits the failure. */
public class HyperVWsManException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public HyperVWsManException(String message) {
        super(message);
    }

    public HyperVWsManException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Exit code the CLI uses for this failure (see README, "Exit codes"). */
    public int exitCode() {
        return 1;
    }
}
