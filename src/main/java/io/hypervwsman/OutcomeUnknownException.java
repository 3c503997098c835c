package io.hypervwsman;

/** The operation may or may not have happened and nothing available can tell; never treat it as failed. */
public class OutcomeUnknownException extends HyperVWsManException {
    private static final long serialVersionUID = 1L;

    public OutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return 5;
    }
}
