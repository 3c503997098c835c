package io.hypervwsman;

/**
 * Root of every exception hyperv-wsman throws; the subclass says what kind of failure it is, and {@link #hint()}
 * what the caller can do about it, when the library knows.
 */
public class HyperVWsManException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Hint hint;

    public HyperVWsManException(String message) {
        this(message, null, null);
    }

    public HyperVWsManException(String message, Throwable cause) {
        this(message, cause, null);
    }

    public HyperVWsManException(String message, Throwable cause, Hint hint) {
        super(message, cause);
        this.hint = hint;
    }

    /** What the caller can do about it, or null. */
    public Hint hint() {
        return hint;
    }
}
