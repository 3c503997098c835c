package io.hypervwsman.sim;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The replies of a host that is alive but will not finish answering ({@link HostFault#NO_REPLY},
 * {@link HostFault#TRICKLE_REPLY}, {@link HostFault#ENDLESS_REPLY}): each goes on until the client gives up or the
 * simulated host is closed, so only the client's time and size bounds end the exchange.
 */
final class SlowReply {
    private static final long TRICKLE_PAUSE_MS = 20;
    /** A backstop so that a client without a size bound cannot keep a simulator thread busy for ever. */
    private static final long ENDLESS_CAP = 1L << 30;

    private SlowReply() {
    }

    /** Shows one of the slow faults if one is armed for this request; false when none is (send normally). */
    static boolean misbehave(HttpExchange exchange, int status, byte[] body, Predicate<HostFault> armed,
                             CountDownLatch closed) throws IOException {
        if (armed.test(HostFault.NO_REPLY)) {
            awaitQuietly(closed, TimeUnit.MINUTES.toMillis(10));
            return true;
        }
        if (armed.test(HostFault.TRICKLE_REPLY)) {
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                for (byte b : body) {
                    out.write(b);
                    out.flush();
                    if (awaitQuietly(closed, TRICKLE_PAUSE_MS)) {
                        return true;
                    }
                }
            }
            return true;
        }
        if (armed.test(HostFault.ENDLESS_REPLY)) {
            exchange.sendResponseHeaders(status, 0);
            byte[] block = new byte[8192];
            java.util.Arrays.fill(block, (byte) ' ');
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body, 0, body.length / 2);
                for (long sent = 0; sent < ENDLESS_CAP && closed.getCount() > 0; sent += block.length) {
                    out.write(block);
                }
            }
            return true;
        }
        return false;
    }

    /** Waits up to {@code millis}; true when the host was closed meanwhile. */
    private static boolean awaitQuietly(CountDownLatch closed, long millis) {
        try {
            return closed.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
