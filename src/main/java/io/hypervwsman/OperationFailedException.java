package io.hypervwsman;

/** The host refused or failed the operation, or a check refused it before anything was sent. */
public class OperationFailedException extends HyperVWsManException {
    private static final long serialVersionUID = 1L;
    private final transient Hint hint;

    public OperationFailedException(String message) {
        this(message, (Hint) null);
    }

    public OperationFailedException(String message, Hint hint) {
        super(message);
        this.hint = hint;
    }

    /** What the caller can do about it, or null. */
    public Hint hint() {
        return hint;
    }
}
