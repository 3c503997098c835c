package io.hypervwsman.hyperv;

/** Told each time a followed job is read, e.g. to draw a progress bar. */
@FunctionalInterface
public interface JobProgressListener {

    void update(JobReport report);

    /**
     * Told what the operation is waiting for when there is no job to show, e.g. while it watches the replication
     * state after losing the reply to the Invoke; called again whenever that changes.
     */
    default void waiting(String message) {
    }

    /**
     * Told immediately before an Invoke ({@code method}) is sent, so that a caller can record that it may reach the
     * host (a recovery plan journals it and never sends it again on resume). If this throws, nothing is sent.
     */
    default void beforeInvoke(String method) {
    }

    /** Told when the host answered an Invoke: {@code jobInstanceId} is its job's InstanceID, null when there is none. */
    default void invoked(String method, String jobInstanceId) {
    }

    /** Ignores updates. */
    JobProgressListener NONE = r -> { };
}
