package io.hypervwsman.hyperv;

import java.time.Duration;

/** Waits between polls; injected so tests can advance a simulated clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** Real waiting. */
    static Sleeper system() {
        return d -> Thread.sleep(d.toMillis());
    }
}
