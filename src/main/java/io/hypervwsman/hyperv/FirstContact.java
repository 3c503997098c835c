package io.hypervwsman.hyperv;

import io.hypervwsman.transport.ConnectionException;
import io.hypervwsman.transport.HostNotReachedException;
import io.hypervwsman.wsman.WsManClient;
import java.net.ConnectException;
import java.util.function.Supplier;

/**
 * Reads retried after a refused connection (a WinRM service restart refuses connections for a few seconds) only once
 * the host has answered this client: before that, a refused connection is a wrong host or port, and retrying it
 * would keep a tired operator waiting ~15 s for the same error.
 */
public final class FirstContact {
    private FirstContact() {
    }

    /** {@code read}, with a refused connection before the host's first answer turned into a final error. */
    public static <T> Supplier<T> refusedIsFinal(WsManClient client, Supplier<T> read) {
        return () -> {
            boolean answeredBefore = client.hasAnswered();
            try {
                return read.get();
            } catch (ConnectionException e) {
                if (!answeredBefore && refused(e)) {
                    throw new HostNotReachedException(e.getMessage(), e, e.hint());
                }
                throw e;
            }
        };
    }

    private static boolean refused(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }
}
