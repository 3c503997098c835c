package io.hypervwsman.hyperv;

import java.time.Duration;
import java.util.Objects;

/**
 * How to run a Replica operation.
 *
 * @param timeout  how long to wait for the job before reporting timed-out (the job keeps running on the host)
 * @param turnOff  turn a running or paused VM off first, as Stop-VMFailover does
 * @param force    skip the pre-checks (state, power) and invoke anyway
 * @param dryRun   resolve and pre-check only; invoke nothing
 * @param listener told about every job poll
 */
public record OperationOptions(Duration timeout, boolean turnOff, boolean force, boolean dryRun,
                               JobProgressListener listener) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    public OperationOptions {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        listener = listener == null ? JobProgressListener.NONE : listener;
    }

    /** 30 minutes, pre-checks on, no turning off, for real. */
    public static OperationOptions defaults() {
        return new OperationOptions(DEFAULT_TIMEOUT, false, false, false, JobProgressListener.NONE);
    }

    public OperationOptions withTimeout(Duration t) {
        return new OperationOptions(t, turnOff, force, dryRun, listener);
    }

    public OperationOptions withTurnOff(boolean on) {
        return new OperationOptions(timeout, on, force, dryRun, listener);
    }

    public OperationOptions withForce(boolean on) {
        return new OperationOptions(timeout, turnOff, on, dryRun, listener);
    }

    public OperationOptions withDryRun(boolean on) {
        return new OperationOptions(timeout, turnOff, force, on, listener);
    }

    public OperationOptions withListener(JobProgressListener l) {
        return new OperationOptions(timeout, turnOff, force, dryRun, l);
    }
}
