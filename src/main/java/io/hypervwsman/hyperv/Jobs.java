package io.hypervwsman.hyperv;

import io.hypervwsman.OperationFailedException;
import io.hypervwsman.wsman.EndpointReference;
import io.hypervwsman.wsman.SelectorSet;
import io.hypervwsman.wsman.WsManClient;
import io.hypervwsman.wsman.WsManFaultException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Jobs by their InstanceID: read one, or wait for it (e.g. to resume after a timed-out revert). */
public final class Jobs {
    private final WsManClient client;
    private final String host;
    private final JobTracker tracker;
    private final Clock clock;

    Jobs(WsManClient client, String host, JobTracker tracker, Clock clock) {
        this.client = client;
        this.host = host;
        this.tracker = tracker;
        this.clock = clock;
    }

    static EndpointReference reference(String instanceId) {
        return EndpointReference.of(HyperVResources.CONCRETE_JOB, SelectorSet.of("InstanceID", instanceId));
    }

    /** The job as it is now. */
    public JobReport show(String instanceId) {
        try {
            return JobReport.from(client.get(reference(instanceId)));
        } catch (WsManFaultException e) {
            if (JobTracker.isNotFound(e.fault())) {
                throw new OperationFailedException("no job " + instanceId + " on " + host
                        + " (finished jobs are removed about 5 minutes after they end)");
            }
            throw e;
        }
    }

    /** Waits for the job to end; the outcome is decided by the job alone (no VM is known here). */
    public OperationOutcome waitFor(String instanceId, Duration timeout, JobProgressListener listener) {
        var start = clock.instant();
        JobTracker.Result r = tracker.follow(reference(instanceId), start.plus(timeout), listener);
        long ms = Duration.between(start, clock.instant()).toMillis();
        switch (r.ending()) {
            case FINISHED:
                boolean ok = JobState.isSuccess(r.last().jobState()) && r.last().errorCode() == 0;
                return new OperationOutcome("WaitForJob", host, null, null, r.last(), ok ? Outcome.SUCCEEDED
                        : Outcome.FAILED, "job", "job " + instanceId + " ended " + r.last().state()
                        + (ok ? "" : ", error " + r.last().errorCode() + ": " + r.last().errorDescription()), ms, List.of());
            case TIMED_OUT:
                return new OperationOutcome("WaitForJob", host, null, null, r.last(), Outcome.TIMED_OUT, "none",
                        "job " + instanceId + " is still running after " + ReplicaOperations.human(timeout), ms, List.of());
            case VANISHED:
                return new OperationOutcome("WaitForJob", host, null, null, r.last(), Outcome.UNKNOWN, "none",
                        "job " + instanceId + " is gone from " + host + "; check the VM's replication state", ms, List.of());
            default:
                return new OperationOutcome("WaitForJob", host, null, null, r.last(), Outcome.UNKNOWN, "none",
                        "job " + instanceId + " cannot be read: " + r.error().getMessage(), ms, List.of());
        }
    }
}
