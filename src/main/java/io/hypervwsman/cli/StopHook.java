package io.hypervwsman.cli;

import io.hypervwsman.hyperv.JobProgressListener;
import io.hypervwsman.hyperv.JobReport;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * While a command waits for a job: if it is stopped (Ctrl-C, SIGTERM) the job goes on on the host, so the run's one
 * result says which job, and how to resume waiting for it; before any job was reported, what to check instead.
 */
final class StopHook implements AutoCloseable {
    private final AtomicReference<String> lastJob = new AtomicReference<>();
    private final Thread hook;
    private final boolean hooked;

    /**
     * @param vmGiven the VM as given, or null for a command on the host
     * @param resume  the command that waits for a job, given its InstanceID
     * @param check   what to run when no job was reported yet
     */
    StopHook(OutcomeReport report, String vmGiven, String host, String operation, UnaryOperator<String> resume,
             String check) {
        hook = new Thread(() -> {
            String id = lastJob.get();
            if (id != null) {
                report.stopped(vmGiven, id, "job " + id + " goes on on " + host, resume.apply(id));
            } else {
                report.stopped(vmGiven, null, "stopped before " + operation + " reported a job: it may or may not have"
                        + " been sent", check);
            }
        }, "hyperv-wsman-on-stop");
        hooked = add(hook);
    }

    /** {@code display}, remembering the last job it was shown. */
    JobProgressListener tracking(JobProgressListener display) {
        return new JobProgressListener() {
            @Override
            public void update(JobReport report) {
                lastJob.set(report.instanceId());
                display.update(report);
            }

            @Override
            public void waiting(String message) {
                display.waiting(message);
            }

            @Override
            public void step(String what) {
                display.step(what);
            }
        };
    }

    @Override
    public void close() {
        if (hooked) {
            remove(hook);
        }
    }

    /** Removes {@code hook} unless it is running already (then it says what it knows). */
    static void remove(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it says what it knows
        }
    }

    /** Adds {@code hook}; false when the JVM is shutting down already. */
    static boolean add(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException shuttingDown) {
            return false;
        }
    }
}
