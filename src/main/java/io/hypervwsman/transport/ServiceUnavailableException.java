package io.hypervwsman.transport;

import java.time.Duration;
import java.util.Optional;

/** HTTP 503: the host is too busy or shutting down; safe to retry only for idempotent requests. */
public class ServiceUnavailableException extends HttpStatusException {
    private static final long serialVersionUID = 1L;
    private final Duration retryAfter;

    public ServiceUnavailableException(String message, Duration retryAfter) {
        super(503, message);
        this.retryAfter = retryAfter;
    }

    /** The Retry-After the host asked for, if any. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
