package io.hypervwsman;

/** The host refused or failed the operation (or a pre-check did): nothing more will happen. */
public class OperationFailedException extends HyperVWsManException {
    private static final long serialVersionUID = 1L;
    private final String hint;

    public OperationFailedException(String message) {
        this(message, null);
    }

    public OperationFailedException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    /** What the operator can do about it, or null. */
    public String hint() {
        return hint;
    }

    @Override
    public int exitCode() {
        return 1;
    }
}
