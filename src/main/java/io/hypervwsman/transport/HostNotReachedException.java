package io.hypervwsman.transport;

import io.hypervwsman.Hint;
import io.hypervwsman.TransportException;

/**
 * The host refused the TCP connection and has never answered this client: a wrong host name or port far more often
 * than a WinRM service restart, so it is reported at once and not retried.
 */
public final class HostNotReachedException extends TransportException {
    private static final long serialVersionUID = 1L;

    public HostNotReachedException(String message, Throwable cause, Hint hint) {
        super(message, cause, hint);
    }
}
