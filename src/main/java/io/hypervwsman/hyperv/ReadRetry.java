package io.hypervwsman.hyperv;

import io.hypervwsman.HyperVWsManException;
import io.hypervwsman.MessageIntegrityException;
import io.hypervwsman.transport.ConnectionException;
import io.hypervwsman.transport.ExchangeTimeoutException;
import io.hypervwsman.transport.ServiceUnavailableException;
import io.hypervwsman.wsman.WsManFaultException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries a read (Get, Enumerate: idempotent, so sending it again changes nothing on the host) after an error that
 * says the host is restarting or busy: a refused or reset connection (a WinRM service restart refuses connections
 * for a few seconds and drops every session), 503, a reply that failed its integrity check, a quota or
 * TimedOut fault. The waits back off from {@code firstWait} by doubling up to {@code maxWait} (longer if a 503 asks
 * for it), for at most {@code attempts} tries. A connect, read or exchange timeout is not tried again: it is the
 * caller's bound on one exchange, and trying again would multiply it. Never used for an Invoke: an Invoke whose reply is lost may have been
 * carried out, and is decided, not resent.
 *
 * @param attempts  tries in all, at least 1
 * @param firstWait the wait after the first failure
 * @param maxWait   the longest wait between tries
 */
public record ReadRetry(int attempts, Duration firstWait, Duration maxWait) {
    private static final Logger LOG = LoggerFactory.getLogger(ReadRetry.class);
    /** 6 tries, 0.5 s doubling to 8 s: about 15 s of waiting, longer than a WinRM service takes to restart. */
    public static final ReadRetry DEFAULT = new ReadRetry(6, Duration.ofMillis(500), Duration.ofSeconds(8));
    /** One try, no retry. */
    public static final ReadRetry NONE = new ReadRetry(1, Duration.ofMillis(1), Duration.ofMillis(1));

    public ReadRetry {
        Objects.requireNonNull(firstWait, "firstWait");
        Objects.requireNonNull(maxWait, "maxWait");
        if (attempts < 1 || firstWait.isNegative() || firstWait.isZero() || maxWait.compareTo(firstWait) < 0) {
            throw new IllegalArgumentException("a read retry needs attempts >= 1 and 0 < firstWait <= maxWait");
        }
    }

    /** Whether sending the same read again may succeed: the error came from the way to the host, not the request. */
    public static boolean isTransient(HyperVWsManException e) {
        if (e instanceof WsManFaultException f) {
            return JobTracker.isTransient(f.fault());
        }
        if (e instanceof ExchangeTimeoutException) {
            return false; // the operator's bound on one exchange: trying again would multiply it
        }
        return e instanceof ConnectionException || e instanceof ServiceUnavailableException
                || e instanceof MessageIntegrityException;
    }

    /**
     * The answer of {@code read}, tried again after transient errors while tries are left and {@code deadline} has not
     * passed; then the last error is thrown. Other errors are thrown at once.
     */
    public <T> T call(String what, Supplier<T> read, Sleeper sleeper, Clock clock, Instant deadline) {
        Duration wait = firstWait;
        for (int attempt = 1; ; attempt++) {
            try {
                return read.get();
            } catch (HyperVWsManException e) {
                if (!isTransient(e) || attempt >= attempts || !clock.instant().plus(wait).isBefore(deadline)) {
                    throw e;
                }
                Duration backoff = wait;
                Duration pause = e instanceof ServiceUnavailableException s ? s.retryAfter()
                        .filter(r -> r.compareTo(backoff) > 0 && r.compareTo(maxWait) <= 0).orElse(backoff) : backoff;
                LOG.debug("{} failed ({}), reading again in {} ms (try {} of {})", what, e.getMessage(),
                        pause.toMillis(), attempt + 1, attempts);
                pauseFor(sleeper, pause, e);
                wait = wait.multipliedBy(2).compareTo(maxWait) > 0 ? maxWait : wait.multipliedBy(2);
            }
        }
    }

    private static void pauseFor(Sleeper sleeper, Duration pause, HyperVWsManException failure) {
        try {
            sleeper.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }
}
