package io.hypervwsman.hyperv.replica;

import io.hypervwsman.hyperv.HyperVHost;
import io.hypervwsman.hyperv.JobProgressListener;
import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.ReadRetry;
import io.hypervwsman.hyperv.ReverseOptions;
import io.hypervwsman.hyperv.VmRef;
import java.time.Duration;

/**
 * The Hyper-V Replica operations of one host. Each resolves the VM, checks what Stop-VMFailover and friends check,
 * invokes its method exactly once, follows the job and reports how it ended. When the job can no longer be read,
 * the outcome is decided from what the host shows (the replication state), or reported as unknown; it is never
 * guessed as failed.
 *
 * <p><b>How an operation fails.</b> Every operation that gets as far as reading the VM returns an
 * {@link OperationOutcome}, whatever its end: refused by a pre-check ({@link Outcome#FAILED},
 * {@link DecidedBy#PRE_CHECK}, with a {@link OperationOutcome#hint() hint}; nothing was invoked), refused by the
 * host, failed, timed out or unknown. An operation throws a {@link io.hypervwsman.HyperVWsManException} only when
 * the host could not be read or reached at all, and then nothing was carried out: a connection, TLS,
 * authentication or protocol error, or a WS-Management fault on a read before the Invoke.
 *
 * <p>Create one per host with {@link #of(HyperVHost)} and reuse it (it remembers the Replica service). A verb of
 * its own (a {@link ReplicaVerb}) runs with {@link #run}.
 */
public final class ReplicaOperations {
    private final ReplicaEngine engine;
    private final HyperVHost host;

    private ReplicaOperations(HyperVHost host, JobFinder finder) {
        this.host = host;
        VerbContext context = new VerbContext(host.client(), host.name(), host.vms(), host.replicaQueries());
        this.engine = new ReplicaEngine(host.client(), context, host.jobTracker(), host.clock(), finder,
                ReadRetry.DEFAULT, host.sleeper());
    }

    /**
     * The operations of {@code host}. After a lost or refused Invoke reply they look for the job the Invoke started
     * ({@link io.hypervwsman.hyperv.ConcreteJobFinder}: the VM's jobs of the method's JobType started since the
     * Invoke was sent) and follow it when exactly one matches ({@link DecidedBy#JOB_FOUND}); when none or several
     * match they decide from the host's state.
     */
    public static ReplicaOperations of(HyperVHost host) {
        return new ReplicaOperations(host, lost -> lost.vm() == null
                ? host.jobFinder().findHostReference(lost.operation().method(), lost.sentAfter())
                : host.jobFinder().findReference(lost.operation().method(), lost.vm().id(), lost.sentAfter()));
    }

    /**
     * As {@link #of(HyperVHost)}, but after a lost Invoke reply {@code finder} looks for the job it started
     * ({@link JobFinder#NONE}: never; the outcome is decided from the host's state).
     */
    public static ReplicaOperations of(HyperVHost host, JobFinder finder) {
        return new ReplicaOperations(host, finder);
    }

    /** Runs any verb through the engine. */
    public OperationOutcome run(ReplicaVerb verb, VmRef ref, OperationOptions options) {
        return engine.run(verb, ref, options);
    }

    /** Runs a verb on the host itself (no VM) through the engine. */
    public OperationOutcome run(HostVerb verb, OperationOptions options) {
        return engine.run(verb, options);
    }

    /**
     * Runs verbs on the host in order, each through the engine on its own, and stops after the first that does not
     * succeed (the rest are not sent): e.g. the steps of a {@link ReplicaServerChange}. One outcome per verb run.
     */
    public java.util.List<OperationOutcome> runInOrder(java.util.List<HostVerb> verbs, OperationOptions options) {
        java.util.List<OperationOutcome> done = new java.util.ArrayList<>();
        for (HostVerb verb : verbs) {
            OperationOutcome o = run(verb, options);
            done.add(o);
            if (o.outcome() != Outcome.SUCCEEDED) {
                break;
            }
        }
        return done;
    }

    /** Stop-VMFailover on a replica (Recovered or Failover in progress) or a primary prepared for planned failover. */
    public OperationOutcome revertFailover(VmRef ref, OperationOptions options) {
        return run(new RevertFailover(), ref, options);
    }

    /** Start-VMFailover on a replica: fail over to the latest recovery point. */
    public OperationOutcome initiateFailover(VmRef ref, OperationOptions options) {
        return initiateFailover(ref, null, options);
    }

    /** Start-VMFailover [-VMRecoverySnapshot]: to the recovery point named (name or InstanceID; null: latest). */
    public OperationOutcome initiateFailover(VmRef ref, String recoveryPoint, OperationOptions options) {
        return run(new InitiateFailover(recoveryPoint), ref, options);
    }

    /** Set-VMReplication -Reverse on a failed-over replica. */
    public OperationOutcome reverseReplication(VmRef ref, ReverseOptions reverse, OperationOptions options) {
        return run(new ReverseReplication(reverse), ref, options);
    }

    /** Complete-VMFailover: commit a failover (it can no longer be reverted afterwards). */
    public OperationOutcome commitFailover(VmRef ref, OperationOptions options) {
        return run(new CommitFailover(), ref, options);
    }

    /** Start-VMFailover -AsTest: create a test VM from the latest recovery point. */
    public OperationOutcome testFailover(VmRef ref, OperationOptions options) {
        return testFailover(ref, null, options);
    }

    /** Start-VMFailover -AsTest [-VMRecoverySnapshot]: from the recovery point named (null: latest). */
    public OperationOutcome testFailover(VmRef ref, String recoveryPoint, OperationOptions options) {
        return run(new TestFailover(recoveryPoint), ref, options);
    }

    /** Start-VMFailover -Prepare on a primary: RequestReplicationStateChangeEx(4). */
    public OperationOutcome preparePlannedFailover(VmRef ref, OperationOptions options) {
        return run(new PreparePlannedFailover(), ref, options);
    }

    /** Resume-VMReplication -Resynchronize. */
    public OperationOutcome resynchronize(VmRef ref, OperationOptions options) {
        return run(new Resynchronize(), ref, options);
    }

    /** Stop-VMFailover after a test failover: turn the test VM off and delete it (by the replica or the test VM). */
    public OperationOutcome stopTestFailover(VmRef ref, OperationOptions options) {
        return run(new StopTestFailover(), ref, options);
    }

    /** Waits for a job (by InstanceID) to end, e.g. after a timed-out operation; only the job can decide. */
    public OperationOutcome waitForJob(String instanceId, Duration timeout, JobProgressListener listener) {
        OperationOptions options = OperationOptions.defaults().withTimeout(timeout).withListener(listener);
        return engine.waitForJob(instanceId, new OperationRun(Operation.WAIT_FOR_JOB, host.name(), host.clock(),
                options));
    }
}
