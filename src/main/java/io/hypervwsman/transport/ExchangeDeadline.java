package io.hypervwsman.transport;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.core5.concurrent.Cancellable;

/**
 * The total-time bound of one exchange: socket timeouts only bound the wait for the next byte, so a host that
 * trickles a byte at a time would hold an exchange for ever. At the deadline the request is cancelled, which
 * closes its connection and ends whatever read or write is blocked on it.
 */
final class ExchangeDeadline implements AutoCloseable {
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final AtomicBoolean expired = new AtomicBoolean();
    private final ScheduledFuture<?> task;

    private ExchangeDeadline(Cancellable request, Duration limit) {
        this.task = TIMER.schedule(() -> {
            expired.set(true);
            request.cancel();
        }, limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Arms the deadline for a request that is about to be executed. */
    static ExchangeDeadline arm(Cancellable request, Duration limit) {
        return new ExchangeDeadline(request, limit);
    }

    /** Whether the deadline passed and the request was cancelled. */
    boolean expired() {
        return expired.get();
    }

    @Override
    public void close() {
        task.cancel(false);
    }

    /** One daemon thread for every transport, gone after a few idle seconds (no thread outlives the exchanges). */
    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "hyperv-wsman-exchange-deadline");
            thread.setDaemon(true);
            return thread;
        });
        t.setRemoveOnCancelPolicy(true);
        t.setKeepAliveTime(5, TimeUnit.SECONDS);
        t.allowCoreThreadTimeOut(true);
        return t;
    }
}
