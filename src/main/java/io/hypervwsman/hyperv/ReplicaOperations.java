package io.hypervwsman.hyperv;

import io.hypervwsman.HyperVWsManException;
import io.hypervwsman.OperationFailedException;
import io.hypervwsman.TransportException;
import io.hypervwsman.hyperv.OperationOutcome.VmInfo;
import io.hypervwsman.transport.ConnectionException;
import io.hypervwsman.transport.HttpServerErrorException;
import io.hypervwsman.transport.HttpStatusException;
import io.hypervwsman.wsman.EndpointReference;
import io.hypervwsman.wsman.EnumerateOptions;
import io.hypervwsman.wsman.Enumeration;
import io.hypervwsman.wsman.MethodInput;
import io.hypervwsman.wsman.MethodOutput;
import io.hypervwsman.wsman.WsManClient;
import io.hypervwsman.wsman.WsManFaultException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Hyper-V Replica failover lifecycle: each operation resolves the VM, checks what Stop-VMFailover
 * and friends check, invokes the method exactly once, follows its job, and reports how it ended. When
 * the job can no longer be read, the outcome is decided from the relationship's ReplicationState, or
 * reported as unknown; it is never guessed as failed.
 */
public final class ReplicaOperations {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaOperations.class);

    private final WsManClient client;
    private final String host;
    private final VirtualMachines vms;
    private final JobTracker tracker;
    private final Clock clock;
    private volatile EndpointReference service;

    ReplicaOperations(WsManClient client, String host, VirtualMachines vms, JobTracker tracker, Clock clock) {
        this.client = client;
        this.host = host;
        this.vms = vms;
        this.tracker = tracker;
        this.clock = clock;
    }

    /** Stop-VMFailover on a replica (Recovered or Failover in progress) or a primary prepared for planned failover. */
    public OperationOutcome revertFailover(VmRef ref, OperationOptions options) {
        return run(new Spec("RevertFailover", true,
                (vm, rel) -> {
                    ReplicationState s = rel.state();
                    if (vm.replicationMode().isReplica()
                            && (s == ReplicationState.RECOVERED || s == ReplicationState.FAILOVER_IN_PROGRESS)) {
                        return;
                    }
                    if (vm.replicationMode() == ReplicationMode.PRIMARY && s == ReplicationState.SYNCED_REPLICATION_COMPLETE) {
                        return;
                    }
                    if (s == ReplicationState.COMMITTED) {
                        throw new OperationFailedException("the failover of " + vm.name() + " was committed; it can no"
                                + " longer be reverted", "to return to the original primary, reverse replication (Set-VMReplication -Reverse) and fail over back");
                    }
                    throw new OperationFailedException(vm.name() + " is a " + vm.replicationMode().displayName()
                            + " in state " + s.displayName() + " (" + s.value() + "); a failover can be reverted only on a"
                            + " replica in Recovered or Failover in progress, or a primary prepared for planned failover",
                            null);
                },
                vm -> serviceCall("RevertFailover", vm, MethodInput.create(), ""),
                (before, after) -> after != ReplicationState.RECOVERED && after != ReplicationState.FAILOVER_IN_PROGRESS
                        && after != ReplicationState.SYNCED_REPLICATION_COMPLETE && after != ReplicationState.COMMITTED,
                EnumSet.of(ReplicationState.RECOVERED, ReplicationState.SYNCED_REPLICATION_COMPLETE)), ref, options);
    }

    /** Start-VMFailover on a replica: fail over to the latest recovery point. */
    public OperationOutcome initiateFailover(VmRef ref, OperationOptions options) {
        return initiateFailover(ref, null, options);
    }

    /**
     * Start-VMFailover [-VMRecoverySnapshot] on a replica: fail over to the recovery point named by
     * {@code recoveryPoint} (its name or InstanceID), or to the latest one when it is null or "latest".
     */
    public OperationOutcome initiateFailover(VmRef ref, String recoveryPoint, OperationOptions options) {
        Set<ReplicationState> from = EnumSet.of(ReplicationState.REPLICATING, ReplicationState.RESYNCHRONIZING,
                ReplicationState.SUSPENDED, ReplicationState.DISK_UPDATE_IN_PROGRESS);
        return run(new Spec("InitiateFailover", true,
                (vm, rel) -> requireReplicaIn(vm, rel, from, "failed over"),
                vm -> atRecoveryPoint("InitiateFailover", vm, recoveryPoint),
                (before, after) -> after == ReplicationState.RECOVERED, from), ref, options);
    }

    /**
     * Set-VMReplication -Reverse on a failed-over replica: it becomes the primary and replicates to
     * {@code replicaServer} (by default the server it failed over from). Allowed on a replica whose failover was
     * committed, or (planned failover) one in Recovered after a failover prepared on the primary.
     */
    public OperationOutcome reverseReplication(VmRef ref, ReverseOptions reverse, OperationOptions options) {
        return run(new Spec("ReverseReplicationRelationship", false,
                (vm, rel) -> {
                    ReplicationState s = rel.state();
                    if (vm.replicationMode().isReplica() && s == ReplicationState.COMMITTED) {
                        return;
                    }
                    if (vm.replicationMode().isReplica() && s == ReplicationState.RECOVERED
                            && rel.failedOverReplicationType() == Relationship.PLANNED_FAILOVER) {
                        return;
                    }
                    if (vm.replicationMode().isReplica() && s == ReplicationState.RECOVERED) {
                        throw new OperationFailedException(vm.name() + " is failed over (Recovered) but the failover"
                                + " is not committed; reversing replication now would discard its other recovery"
                                + " points", "commit it first: hyperv-wsman commit-failover --vm " + vm.name()
                                + " (or revert it), or add --force");
                    }
                    throw new OperationFailedException(vm.name() + " is a " + vm.replicationMode().displayName()
                            + " in state " + s.displayName() + " (" + s.value() + "); replication can be reversed only"
                            + " on a replica whose failover was committed, or after a planned failover", null);
                },
                vm -> {
                    ReplicationSettings settings = vms.replicationSettings(vm);
                    io.hypervwsman.wsman.EmbeddedInstance rsd = settings.reversed(reverse.replicaServer(),
                            reverse.port(), reverse.authenticationType(), reverse.certificateThumbprint());
                    String to = rsd.value("RecoveryConnectionPoint").orElse("?")
                            + rsd.value("RecoveryServerPortNumber").map(p -> ":" + p).orElse("");
                    return serviceCall("ReverseReplicationRelationship", vm,
                            MethodInput.create().add("ReplicationSettingData", rsd.toCimXml()),
                            ", replicating to " + to);
                },
                (before, after) -> after != null && after != before && (after == ReplicationState.READY_FOR_REPLICATION
                        || after == ReplicationState.WAITING_TO_COMPLETE_INITIAL_REPLICATION
                        || after == ReplicationState.REPLICATING),
                EnumSet.of(ReplicationState.COMMITTED, ReplicationState.RECOVERED)), ref, options);
    }

    /** Complete-VMFailover: commit a failover (it can no longer be reverted afterwards). */
    public OperationOutcome commitFailover(VmRef ref, OperationOptions options) {
        Set<ReplicationState> from = EnumSet.of(ReplicationState.RECOVERED);
        return run(new Spec("CommitFailover", false,
                (vm, rel) -> requireReplicaIn(vm, rel, from, "committed"),
                vm -> serviceCall("CommitFailover", vm, MethodInput.create(), ""),
                (before, after) -> after == ReplicationState.COMMITTED, from), ref, options);
    }

    /** Start-VMFailover -AsTest: create a test VM from the latest recovery point. */
    public OperationOutcome testFailover(VmRef ref, OperationOptions options) {
        return testFailover(ref, null, options);
    }

    /**
     * Start-VMFailover -AsTest [-VMRecoverySnapshot]: create a test VM from the recovery point named by
     * {@code recoveryPoint} (its name or InstanceID), or from the latest one when it is null or "latest".
     */
    public OperationOutcome testFailover(VmRef ref, String recoveryPoint, OperationOptions options) {
        Set<ReplicationState> from = EnumSet.of(ReplicationState.REPLICATING, ReplicationState.SUSPENDED);
        return run(new Spec("TestReplicaSystem", false,
                (vm, rel) -> requireReplicaIn(vm, rel, from, "test-failed-over"),
                vm -> atRecoveryPoint("TestReplicaSystem", vm, recoveryPoint),
                null, Set.of()), ref, options);
    }

    /** Start-VMFailover -Prepare on a primary: RequestReplicationStateChangeEx(4). */
    public OperationOutcome preparePlannedFailover(VmRef ref, OperationOptions options) {
        Set<ReplicationState> from = EnumSet.of(ReplicationState.REPLICATING);
        return run(new Spec("RequestReplicationStateChangeEx", true,
                (vm, rel) -> {
                    if (vm.replicationMode() != ReplicationMode.PRIMARY || !from.contains(rel.state())) {
                        throw new OperationFailedException("a planned failover is prepared on a primary that is"
                                + " Replicating; " + vm.name() + " is a " + vm.replicationMode().displayName() + " in state "
                                + rel.state().displayName(), null);
                    }
                },
                vm -> new Prepared(() -> client.invoke(vm.reference(), "RequestReplicationStateChangeEx",
                        MethodInput.create().add("RequestedState", 4)), ", requesting state 4"),
                (before, after) -> after == ReplicationState.SYNCED_REPLICATION_COMPLETE, from), ref, options);
    }

    /** Resume-VMReplication -Resynchronize. */
    public OperationOutcome resynchronize(VmRef ref, OperationOptions options) {
        Set<ReplicationState> from = EnumSet.of(ReplicationState.CRITICAL,
                ReplicationState.WAITING_TO_START_RESYNCHRONIZATION, ReplicationState.RESYNCHRONIZATION_SUSPENDED);
        return run(new Spec("Resynchronize", false,
                (vm, rel) -> {
                    if (!from.contains(rel.state())) {
                        throw new OperationFailedException(vm.name() + " is in state " + rel.state().displayName()
                                + "; resynchronization applies to Critical, Waiting to start resynchronization or"
                                + " Resynchronization suspended", null);
                    }
                },
                vm -> serviceCall("Resynchronize", vm, MethodInput.create(), ""),
                (before, after) -> after == ReplicationState.REPLICATING || after == ReplicationState.RESYNCHRONIZING,
                from), ref, options);
    }

    /**
     * Stop-VMFailover after a test failover: turn the test VM off if needed and delete it (DestroySystem
     * on Msvm_VirtualSystemManagementService). Not RevertFailover. Accepts the replica or the test VM.
     */
    public OperationOutcome stopTestFailover(VmRef ref, OperationOptions options) {
        String method = "DestroySystem";
        Instant start = clock.instant();
        Instant deadline = start.plus(options.timeout());
        VirtualMachine named = vms.resolve(ref);
        VirtualMachine test = named.replicationMode() == ReplicationMode.TEST_REPLICA ? named : testVmOf(named);
        VmInfo info = new VmInfo(test.name(), test.id());
        List<String> warnings = new ArrayList<>();
        if (options.dryRun()) {
            return new OperationOutcome(method, host, info, null, null, Outcome.SUCCEEDED, "dry-run",
                    "dry run: would turn off and delete the test VM " + test.name() + " (" + test.id() + ")",
                    millisSince(start), warnings);
        }
        if (test.isRunningOrPaused() || test.enabledState() == 6) {
            turnOff(test, deadline, options);
            warnings.add(test.name() + " was turned off before it was deleted");
        }
        MethodOutput out;
        try {
            out = client.invoke(managementService(), method,
                    MethodInput.create().addReference("AffectedSystem", test.reference()));
        } catch (WsManFaultException e) {
            return new OperationOutcome(method, host, info, null, null, Outcome.FAILED, "fault",
                    method + " was refused by " + host + ": " + e.getMessage(), millisSince(start), warnings);
        }
        long rv = out.returnValue();
        if (rv == ReturnValues.COMPLETED) {
            return new OperationOutcome(method, host, info, rv, null, Outcome.SUCCEEDED, "return-value",
                    "the test VM " + test.name() + " was deleted", millisSince(start), warnings);
        }
        EndpointReference job = rv == ReturnValues.JOB_STARTED ? out.reference("Job").orElse(null) : null;
        if (job == null) {
            return new OperationOutcome(method, host, info, rv, null, Outcome.FAILED, "return-value",
                    method + " failed for " + test.name() + ": " + ReturnValues.meaning(rv) + " (" + rv + ")",
                    millisSince(start), warnings);
        }
        JobTracker.Result result = tracker.follow(job, deadline, options.listener());
        if (result.ending() == JobTracker.Ending.FINISHED) {
            return fromJob(new Spec(method, false, null, null, null, Set.of()), "", info, rv, result.last(), start,
                    warnings);
        }
        if (result.ending() == JobTracker.Ending.TIMED_OUT) {
            return new OperationOutcome(method, host, info, rv, result.last(), Outcome.TIMED_OUT, "none",
                    "gave up waiting after " + human(options.timeout()) + " for the deletion of " + test.name(),
                    millisSince(start), warnings);
        }
        boolean gone;
        try {
            vms.resolve(VmRef.of(test.id()));
            gone = false;
        } catch (OperationFailedException e) {
            gone = true;
        } catch (HyperVWsManException e) {
            return new OperationOutcome(method, host, info, rv, result.last(), Outcome.UNKNOWN, "none",
                    "the job and the test VM cannot be read: check " + test.name() + " on " + host, millisSince(start),
                    warnings);
        }
        return new OperationOutcome(method, host, info, rv, result.last(), gone ? Outcome.SUCCEEDED : Outcome.UNKNOWN,
                gone ? "vm-state" : "none", gone ? "the test VM " + test.name() + " is gone"
                        : "the job is gone but the test VM " + test.name() + " still exists: check it on " + host,
                millisSince(start), warnings);
    }

    private VirtualMachine testVmOf(VirtualMachine replica) {
        List<VirtualMachine> tests = new ArrayList<>();
        try {
            tests.add(vms.resolve(VmRef.of(replica.name() + " - Test")));
        } catch (OperationFailedException e) {
            if (e.getMessage().startsWith("no virtual machine")) {
                throw new OperationFailedException("no test failover is running for " + replica.name() + " (no VM named '"
                        + replica.name() + " - Test')", null);
            }
            throw e;
        }
        VirtualMachine test = tests.get(0);
        if (test.replicationMode() != ReplicationMode.TEST_REPLICA) {
            throw new OperationFailedException(test.name() + " is not a test replica (mode "
                    + test.replicationMode().displayName() + "); refusing to delete it", null);
        }
        return test;
    }

    /** Msvm_VirtualSystemManagementService ("vmms"), found by enumeration once per host. */
    private EndpointReference managementService() {
        try (Enumeration<EndpointReference> refs = client.enumerateReferences(HyperVResources.ALL,
                EnumerateOptions.wql("SELECT * FROM Msvm_VirtualSystemManagementService"))) {
            return refs.stream().findFirst().orElseThrow(() -> new OperationFailedException(
                    "the virtual system management service is not available on " + host));
        }
    }

    private static void requireReplicaIn(VirtualMachine vm, Relationship rel, Set<ReplicationState> allowed,
                                         String verb) {
        if (!vm.replicationMode().isReplica() || !allowed.contains(rel.state())) {
            throw new OperationFailedException(vm.name() + " is a " + vm.replicationMode().displayName() + " in state "
                    + rel.state().displayName() + " (" + rel.state().value() + "); it can be " + verb + " only as a replica"
                    + " in " + names(allowed), null);
        }
    }

    private static String names(Set<ReplicationState> states) {
        List<String> n = new ArrayList<>();
        states.forEach(s -> n.add(s.displayName()));
        return String.join(", ", n);
    }

    /** A replication-service call with SnapshotSettingData naming a recovery point, or none for the latest. */
    private Prepared atRecoveryPoint(String method, VirtualMachine vm, String recoveryPoint) {
        if (recoveryPoint == null || recoveryPoint.isBlank() || "latest".equalsIgnoreCase(recoveryPoint)) {
            return serviceCall(method, vm, MethodInput.create(), " from the latest recovery point");
        }
        RecoveryPoint point = vms.recoveryPoint(vm, recoveryPoint);
        return serviceCall(method, vm, MethodInput.create().addReference("SnapshotSettingData", point.reference()),
                " from recovery point " + point.describe());
    }

    /**
     * A call on Msvm_ReplicationService with ComputerSystem first, then {@code rest}'s arguments. The service is
     * looked up here, before the Invoke, so that failing to find it is never mistaken for a lost Invoke.
     */
    private Prepared serviceCall(String method, VirtualMachine vm, MethodInput rest, String detail) {
        EndpointReference target = replicationService();
        MethodInput input = MethodInput.create().addReference("ComputerSystem", vm.reference()).addAll(rest);
        return new Prepared(() -> client.invoke(target, method, input), detail);
    }

    /** The Msvm_ReplicationService instance, found by enumeration once per host and reused verbatim. */
    EndpointReference replicationService() {
        EndpointReference s = service;
        if (s == null) {
            try (Enumeration<EndpointReference> refs = client.enumerateReferences(HyperVResources.ALL,
                    EnumerateOptions.wql("SELECT * FROM Msvm_ReplicationService"))) {
                s = refs.stream().findFirst().orElseThrow(() -> new OperationFailedException(
                        "the Hyper-V Replica service is not available on " + host,
                        "is this a Hyper-V host with the Replica role configured?"));
            }
            service = s;
        }
        return s;
    }

    private OperationOutcome run(Spec spec, VmRef ref, OperationOptions options) {
        Instant start = clock.instant();
        Instant deadline = start.plus(options.timeout());
        List<String> warnings = new ArrayList<>();
        VirtualMachine vm = vms.resolve(ref);
        VmInfo info = new VmInfo(vm.name(), vm.id());
        Optional<Relationship> before = Optional.empty();
        if (!options.force()) {
            if (vm.replicationMode() == ReplicationMode.TEST_REPLICA) {
                throw new OperationFailedException(vm.name() + " is a test-failover VM; to end a test failover use"
                        + " stop-test-failover on its replica", "hyperv-wsman stop-test-failover --vm <replica>");
            }
            Relationship rel = vms.primaryRelationship(vm).orElseThrow(() -> new OperationFailedException(
                    vm.name() + " is not replicated (no replication relationship)", null));
            before = Optional.of(rel);
            spec.check.accept(vm, rel);
            if (spec.needsVmOff && vm.isRunningOrPaused()) {
                if (!options.turnOff()) {
                    throw new OperationFailedException(vm.name() + " is " + vm.powerState() + "; "
                            + spec.method + " needs it turned off", "add --turn-off to turn it off first");
                }
                if (options.dryRun()) {
                    warnings.add("would turn " + vm.name() + " off first (it is " + vm.powerState() + ")");
                } else {
                    turnOff(vm, deadline, options);
                    warnings.add(vm.name() + " was turned off before " + spec.method);
                }
            }
        } else {
            before = vms.primaryRelationship(vm);
        }
        // Everything the Invoke needs is read now: a failure up to here is certainly not a lost Invoke.
        Prepared call = spec.prepare.apply(vm);
        if (options.dryRun()) {
            return new OperationOutcome(spec.method, host, info, null, null, Outcome.SUCCEEDED, "dry-run",
                    "dry run: would invoke " + spec.method + " for " + vm.name() + " (" + vm.id() + ")"
                            + call.detail() + before.map(r -> ", now " + r.state().displayName()).orElse(""),
                    millisSince(start), warnings);
        }

        MethodOutput out;
        try {
            out = call.invoke().get();
        } catch (ConnectionException e) {
            if (!e.requestMayHaveBeenProcessed()) {
                throw e;
            }
            LOG.debug("connection lost around the Invoke: {}", e.getMessage());
            return decideFromState(spec, options.listener(), info, vm, before, null, null, start, deadline, warnings,
                    "the connection was lost after " + spec.method + " was sent (" + e.getMessage() + ")", false);
        } catch (WsManFaultException e) {
            if (e.fault().isTimedOut()) {
                // w:TimedOut only says the reply missed OperationTimeout; WMI goes on with the method regardless.
                return decideFromState(spec, options.listener(), info, vm, before, null, null, start, deadline, warnings,
                        "the host did not answer " + spec.method + " within OperationTimeout", false);
            }
            return new OperationOutcome(spec.method, host, info, null, null, Outcome.FAILED, "fault",
                    spec.method + " was refused by " + host + ": " + e.getMessage(), millisSince(start), warnings);
        } catch (TransportException e) {
            if (!replyMayFollowProcessing(e)) {
                throw e;
            }
            LOG.debug("the reply to the Invoke was refused: {}", e.getMessage());
            return decideFromState(spec, options.listener(), info, vm, before, null, null, start, deadline, warnings,
                    "the reply to " + spec.method + " was refused (" + e.getMessage() + ")", false);
        }
        long rv = out.returnValue();
        if (rv == ReturnValues.COMPLETED) {
            return new OperationOutcome(spec.method, host, info, rv, null, Outcome.SUCCEEDED, "return-value",
                    spec.method + " completed for " + vm.name() + call.detail(), millisSince(start), warnings);
        }
        if (rv != ReturnValues.JOB_STARTED) {
            return new OperationOutcome(spec.method, host, info, rv, null, Outcome.FAILED, "return-value",
                    spec.method + " failed for " + vm.name() + ": " + ReturnValues.meaning(rv) + " (" + rv + ")",
                    millisSince(start), warnings);
        }
        EndpointReference job = out.reference("Job").orElse(null);
        if (job == null) {
            return decideFromState(spec, options.listener(), info, vm, before, rv, null, start, deadline, warnings,
                    spec.method + " returned 4096 (job started) without a job reference", false);
        }
        JobTracker.Result result = tracker.follow(job, deadline, options.listener());
        switch (result.ending()) {
            case FINISHED:
                return fromJob(spec, call.detail(), info, rv, result.last(), start, warnings);
            case TIMED_OUT:
                String id = result.last() != null ? result.last().instanceId() : job.selectors().get("InstanceID");
                return new OperationOutcome(spec.method, host, info, rv, result.last(), Outcome.TIMED_OUT, "none",
                        "gave up waiting after " + human(options.timeout()) + "; job " + id + " is still "
                                + (result.last() == null ? "unread" : result.last().state()) + " on " + host,
                        millisSince(start), warnings);
            case VANISHED:
                return decideFromState(spec, options.listener(), info, vm, before, rv, result.last(), start, deadline, warnings,
                        "the job is gone from the host (finished jobs are kept about 5 minutes)", true);
            default:
                return decideFromState(spec, options.listener(), info, vm, before, rv, result.last(), start, deadline, warnings,
                        "the job could not be read (" + result.error().getMessage() + ")", false);
        }
    }

    /**
     * Whether a reply that failed below WS-Management may have come after the host carried the request out:
     * an integrity failure, an unreadable or oversized reply, a non-SOAP 500. A 401, 403, 404, 413 or 503 comes
     * from HTTP.sys before WinRM acts, so the request was certainly not carried out.
     */
    private static boolean replyMayFollowProcessing(TransportException e) {
        return !(e instanceof HttpStatusException) || e instanceof HttpServerErrorException;
    }

    private OperationOutcome fromJob(Spec spec, String what, VmInfo info, long rv, JobReport job, Instant start,
                                     List<String> warnings) {
        if (JobState.isSuccess(job.jobState()) && job.errorCode() == 0) {
            List<String> w = new ArrayList<>(warnings);
            String msg = spec.method + " completed for " + info.name();
            if (job.jobState() == 32768) {
                w.add("the job completed with warnings; see the host's Hyper-V-VMMS event log");
                w.addAll(job.errors());
                msg += " with warnings";
            }
            msg += what;
            return new OperationOutcome(spec.method, host, info, rv, job, Outcome.SUCCEEDED, "job", msg,
                    millisSince(start), w);
        }
        String detail = job.errorDescription() != null ? job.errorDescription()
                : job.errorSummary() != null ? job.errorSummary() : "no description";
        return new OperationOutcome(spec.method, host, info, rv, job, Outcome.FAILED, "job",
                spec.method + " failed for " + info.name() + ": job " + job.state() + ", error " + job.errorCode() + ": "
                        + oneLine(detail), millisSince(start), warnings);
    }

    private OperationOutcome decideFromState(Spec spec, JobProgressListener listener, VmInfo info, VirtualMachine vm, Optional<Relationship> before,
                                             Long rv, JobReport job, Instant start, Instant deadline,
                                             List<String> warnings, String why, boolean jobFinished) {
        Optional<Relationship> now;
        try {
            now = vms.primaryRelationship(vm);
            if (!jobFinished && spec.succeeded != null) {
                // The job may still be running: watch the state until it shows the result or time runs out.
                ReplicationState from = before.map(Relationship::state).orElse(null);
                ReplicationState[] seen = {now.map(Relationship::state).orElse(null)};
                listener.waiting(why + "; watching the replication state of " + info.name() + " until " + deadline
                        + " (now " + (seen[0] == null ? "none" : seen[0].displayName()) + ")");
                Optional<Relationship> settled = tracker.await(() -> {
                    Optional<Relationship> r = vms.primaryRelationship(vm);
                    ReplicationState s = r.map(Relationship::state).orElse(null);
                    if (s != seen[0]) {
                        seen[0] = s;
                        listener.waiting("replication state of " + info.name() + ": "
                                + (s == null ? "none" : s.displayName()));
                    }
                    return r.isPresent() && spec.succeeded.test(from, r.get().state()) ? r : null;
                }, deadline);
                if (settled != null) {
                    now = settled;
                } else {
                    now = vms.primaryRelationship(vm);
                }
            }
        } catch (HyperVWsManException e) {
            return new OperationOutcome(spec.method, host, info, rv, job, Outcome.UNKNOWN, "none",
                    why + "; the replication state cannot be read either (" + e.getMessage() + "): check "
                            + info.name() + " on " + host + " before doing anything else", millisSince(start), warnings);
        }
        if (spec.succeeded != null && now.isPresent()) {
            ReplicationState after = now.get().state();
            if (spec.succeeded.test(before.map(Relationship::state).orElse(null), after)) {
                return new OperationOutcome(spec.method, host, info, rv, job, Outcome.SUCCEEDED, "replication-state",
                        spec.method + " took effect for " + info.name() + ": " + why + ", and the replication state is"
                                + " now " + after.displayName(), millisSince(start), warnings);
            }
            if (jobFinished && before.isPresent() && before.get().state() == after
                    && spec.unchangedMeansFailed.contains(after)) {
                return new OperationOutcome(spec.method, host, info, rv, job, Outcome.FAILED, "replication-state",
                        spec.method + " did not take effect for " + info.name() + ": " + why + ", and the replication"
                                + " state is still " + after.displayName(), millisSince(start), warnings);
            }
        }
        return new OperationOutcome(spec.method, host, info, rv, job, Outcome.UNKNOWN, "none",
                why + "; the replication state (" + now.map(r -> r.state().displayName()).orElse("none")
                        + ") does not tell whether " + spec.method + " took effect: check " + info.name() + " on " + host,
                millisSince(start), warnings);
    }

    private void turnOff(VirtualMachine vm, Instant deadline, OperationOptions options) {
        MethodOutput out = client.invoke(vm.reference(), "RequestStateChange", MethodInput.create().add("RequestedState", 3));
        long rv = out.returnValue();
        if (rv == ReturnValues.JOB_STARTED) {
            EndpointReference job = out.reference("Job").orElseThrow(() -> new OperationFailedException(
                    "turning " + vm.name() + " off started a job the host did not name"));
            JobTracker.Result r = tracker.follow(job, deadline, options.listener());
            if (r.ending() == JobTracker.Ending.FINISHED && !JobState.isSuccess(r.last().jobState())) {
                throw new OperationFailedException("turning " + vm.name() + " off failed: " + r.last().state()
                        + " " + Optional.ofNullable(r.last().errorDescription()).orElse(""));
            }
        } else if (rv != ReturnValues.COMPLETED) {
            throw new OperationFailedException("turning " + vm.name() + " off failed: " + ReturnValues.meaning(rv)
                    + " (" + rv + ")");
        }
        VirtualMachine again = vms.reread(vm);
        if (again.enabledState() != 3) {
            throw new OperationFailedException(vm.name() + " is still " + again.powerState() + " after turning it off");
        }
    }

    private long millisSince(Instant start) {
        return Duration.between(start, clock.instant()).toMillis();
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    static String human(Duration d) {
        if (d.toSeconds() % 3600 == 0 && d.toHours() > 0) {
            return d.toHours() + "h";
        }
        if (d.toSeconds() % 60 == 0 && d.toMinutes() > 0) {
            return d.toMinutes() + "m";
        }
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    /** What one operation is: method, pre-check, the one Invoke, and how to read the state afterwards. */
    private record Spec(String method, boolean needsVmOff, PreCheck check, Preparation prepare,
                        java.util.function.BiPredicate<ReplicationState, ReplicationState> succeeded,
                        Set<ReplicationState> unchangedMeansFailed) {
    }

    @FunctionalInterface
    private interface PreCheck {
        void accept(VirtualMachine vm, Relationship rel);
    }

    /** Reads what the Invoke needs (service, recovery point, settings) and returns the Invoke, not yet sent. */
    @FunctionalInterface
    private interface Preparation {
        Prepared apply(VirtualMachine vm);
    }

    /** The one Invoke, ready to send, and what it will do in words (for --dry-run). */
    private record Prepared(java.util.function.Supplier<MethodOutput> invoke, String detail) {
    }
}
