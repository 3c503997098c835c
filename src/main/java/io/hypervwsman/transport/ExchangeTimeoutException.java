package io.hypervwsman.transport;

import java.time.Duration;

/**
 * One of the exchange's time limits ran out; {@link #limit()} says which, and the message names it. A connect
 * timeout means the request was never sent; a read or exchange timeout after the request was sent means the host
 * may have carried it out, so a non-idempotent request's outcome is decided as for a lost reply.
 */
public class ExchangeTimeoutException extends ConnectionException {
    private static final long serialVersionUID = 1L;
    private final Limit limit;
    private final Duration duration;

    /** The time limits of one exchange (see {@link ConnectionOptions}). */
    public enum Limit {
        /** TCP connect, TLS handshake, or an authentication leg without a request. */
        CONNECT_TIMEOUT("connect timeout"),
        /** The first byte of the reply, or the next one, did not come. */
        READ_TIMEOUT("read timeout"),
        /** The whole exchange took too long, e.g. a reply trickled a byte at a time. */
        EXCHANGE_TIMEOUT("exchange timeout");

        private final String words;

        Limit(String words) {
            this.words = words;
        }

        /** The limit's name as messages use it ("connect timeout"). */
        public String words() {
            return words;
        }
    }

    public ExchangeTimeoutException(String message, Throwable cause, boolean requestMayHaveBeenProcessed, Limit limit,
                                    Duration duration) {
        super(message, cause, requestMayHaveBeenProcessed);
        this.limit = limit;
        this.duration = duration;
    }

    public Limit limit() {
        return limit;
    }

    /** The value of the limit that ran out. */
    public Duration duration() {
        return duration;
    }
}
