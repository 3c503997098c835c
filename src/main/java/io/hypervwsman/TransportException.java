package io.hypervwsman;

/** The exchange with the host failed below WS-Management: connection, TLS, HTTP or framing. */
public class TransportException extends HyperVWsManException {
    private static final long serialVersionUID = 1L;

    public TransportException(String message) {
        super(message);
    }

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }

    public TransportException(String message, Throwable cause, Hint hint) {
        super(message, cause, hint);
    }
}
