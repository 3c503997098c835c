package io.hypervwsman.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts a simulated lab of Hyper-V hosts (several sites, VMs replicated between hosts, each host on its own port of
 * 127.0.0.1) for each test and injects a {@link HyperVLab} (hosts by name with their endpoints and connected clients);
 * also injectable: the {@code io.hypervwsman.sim.SimulatedLab} (to inspect hosts or take a site down) and, with
 * {@link #manualClock()}, the {@code io.hypervwsman.sim.ManualClock} that drives every host's jobs and replication
 * cycles. A fresh lab per test; a method's annotation overrides its class's.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(SimulatedHyperVLabExtension.class)
public @interface SimulatedHyperVLab {
    /** A lab on the class path ({@code labs/NAME.yaml}: bundled "two-sites", or a test's own), or a .yaml file. */
    String value() default "two-sites";

    /** The account every host accepts; it must be one of the lab's users. The password is random per test. */
    String user() default "LAB\\operator";

    /** Run jobs and replication cycles on a {@code ManualClock} the test advances instead of the system clock. */
    boolean manualClock() default false;

    /** With {@link #manualClock()}: the instant the clock starts at (ISO-8601). */
    String clockStart() default "2026-11-24T03:00:00Z";
}
