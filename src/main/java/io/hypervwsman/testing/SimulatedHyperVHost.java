package io.hypervwsman.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts a simulated Hyper-V host (NTLM, message encryption, Hyper-V Replica state machine) for each test and
 * injects its {@link WinRmEndpoint}; also injectable: the {@code io.hypervwsman.sim.SimulatedHost} (to inspect its
 * state or arm faults), a connected {@code io.hypervwsman.hyperv.HyperVHost} (NTLM with message encryption, closed
 * after the test; with {@link #manualClock()} its waits between job polls advance that clock instead of sleeping) and,
 * with {@link #manualClock()}, the {@code io.hypervwsman.sim.ManualClock} that drives its jobs. A fresh host per test,
 * so one test's revert never shows in the next; a method's annotation overrides its class's.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(SimulatedHyperVHostExtension.class)
public @interface SimulatedHyperVHost {
    /** A bundled scenario (default, revert-job-fails, quota-on-invoke, wrong-state-job, wrong-state-sync) or a .json file. */
    String scenario() default "default";

    /** The account the host accepts; it must be one of the scenario's users. The password is random per test. */
    String user() default "LAB\\operator";

    /**
     * Run the host's jobs on a {@code ManualClock} the test advances (no waiting, fully deterministic) instead of the
     * system clock.
     */
    boolean manualClock() default false;

    /** With {@link #manualClock()}: the instant the clock starts at (ISO-8601). */
    String clockStart() default "2026-11-24T03:00:00Z";
}
