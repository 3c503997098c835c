package io.hypervwsman;

/** Root of every exception hyperv-wsman throws; the subclass says what kind of failure it is. */
public class HyperVWsManException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public HyperVWsManException(String message) {
        super(message);
    }

    public HyperVWsManException(String message, Throwable cause) {
        super(message, cause);
    }
}
