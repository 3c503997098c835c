package io.hypervwsman.transport;

import io.hypervwsman.TransportException;

/** The host answered with an HTTP status that carries no WS-Management reply. */
public class HttpStatusException extends TransportException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public HttpStatusException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }
}
