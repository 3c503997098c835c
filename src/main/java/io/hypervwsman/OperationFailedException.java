package io.hypervwsman;

/** The host refused or failed the operation, or a check refused it before anything was sent. */
public class OperationFailedException extends HyperVWsManException {
    private static final long serialVersionUID = 1L;

    public OperationFailedException(String message) {
        super(message);
    }

    public OperationFailedException(String message, Hint hint) {
        super(message, null, hint);
    }
}
