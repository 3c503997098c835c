package io.hypervwsman.transport;

import io.hypervwsman.Hint;
import io.hypervwsman.TransportException;

/**
 * The connection failed: refused, reset, timed out, or TLS failed. {@link #requestMayHaveBeenProcessed()}
 * tells whether the host may have received and acted on the request, which decides whether a
 * non-idempotent request's outcome must be recovered rather than assumed.
 */
public class ConnectionException extends TransportException {
    private static final long serialVersionUID = 1L;
    private final boolean requestMayHaveBeenProcessed;

    public ConnectionException(String message, Throwable cause, boolean requestMayHaveBeenProcessed) {
        this(message, cause, requestMayHaveBeenProcessed, null);
    }

    public ConnectionException(String message, Throwable cause, boolean requestMayHaveBeenProcessed, Hint hint) {
        super(message, cause, hint);
        this.requestMayHaveBeenProcessed = requestMayHaveBeenProcessed;
    }

    /** False only when the request certainly never reached the host (e.g. connection refused). */
    public boolean requestMayHaveBeenProcessed() {
        return requestMayHaveBeenProcessed;
    }
}
