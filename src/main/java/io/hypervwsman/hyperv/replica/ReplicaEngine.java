package io.hypervwsman.hyperv.replica;

import io.hypervwsman.HyperVWsManException;
import io.hypervwsman.Hint;
import io.hypervwsman.OperationFailedException;
import io.hypervwsman.TransportException;
import io.hypervwsman.hyperv.FirstContact;
import io.hypervwsman.hyperv.JobReport;
import io.hypervwsman.hyperv.JobState;
import io.hypervwsman.hyperv.JobTracker;
import io.hypervwsman.hyperv.Jobs;
import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.ReadRetry;
import io.hypervwsman.hyperv.Relationship;
import io.hypervwsman.hyperv.ReplicationMode;
import io.hypervwsman.hyperv.ReturnValues;
import io.hypervwsman.hyperv.Sleeper;
import io.hypervwsman.hyperv.VirtualMachine;
import io.hypervwsman.hyperv.VmRef;
import io.hypervwsman.transport.ConnectionException;
import io.hypervwsman.transport.HttpServerErrorException;
import io.hypervwsman.transport.HttpStatusException;
import io.hypervwsman.wsman.EndpointReference;
import io.hypervwsman.wsman.MethodOutput;
import io.hypervwsman.wsman.WsManClient;
import io.hypervwsman.wsman.WsManFaultException;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one engine every operation goes through: resolve, pre-check, invoke exactly once, follow the job, decide
 * from the job or, when it cannot say, from the verb's evidence; never guess "failed".
 */
final class ReplicaEngine {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaEngine.class);

    private final WsManClient client;
    private final VerbContext host;
    private final JobTracker tracker;
    private final Clock clock;
    private final JobFinder finder;
    private final ReadRetry reads;
    private final Sleeper sleeper;

    ReplicaEngine(WsManClient client, VerbContext host, JobTracker tracker, Clock clock, JobFinder finder,
                  ReadRetry reads, Sleeper sleeper) {
        this.client = client;
        this.host = host;
        this.tracker = tracker;
        this.clock = clock;
        this.finder = finder;
        this.reads = reads;
        this.sleeper = sleeper;
    }

    /**
     * Everything read before the Invoke: the VM (null for a verb on the host), the Invoke itself, and the evidence as
     * it stood.
     */
    private record Prepared(VirtualMachine vm, Optional<Relationship> rel, Invocation call,
                            StateDecision evidence, boolean confirm, String nothingToDo) {
    }

    OperationOutcome run(ReplicaVerb verb, VmRef ref, OperationOptions options) {
        OperationRun run = new OperationRun(verb.operation(), host.host(), clock, options);
        Prepared p;
        try {
            p = prepare(verb, ref, run);
        } catch (OperationFailedException e) {
            return run.refused(e);
        }
        return proceed(run, p);
    }

    /** A verb on the host itself: no VM is resolved; the host's settings are its evidence. */
    OperationOutcome run(HostVerb verb, OperationOptions options) {
        OperationRun run = new OperationRun(verb.operation(), host.host(), clock, options);
        Prepared p;
        try {
            p = prepare(verb, run);
        } catch (OperationFailedException e) {
            return run.refused(e);
        }
        return proceed(run, p);
    }

    /** Nothing to do, a dry run, or the one Invoke: the same for a verb on a VM and on the host. */
    private OperationOutcome proceed(OperationRun run, Prepared p) {
        if (p.nothingToDo() != null) {
            return run.ended(Outcome.SUCCEEDED, DecidedBy.NOTHING_TO_DO).message("nothing to do: "
                    + p.nothingToDo()).build();
        }
        run.invoking(p.call().method());
        run.words(new Words.ForVerb(run, p.call().detail()));
        if (run.options().dryRun()) {
            String subject = p.vm() == null ? " on " + run.host()
                    : " for " + p.vm().name() + " (" + p.vm().id() + ")";
            return run.ended(Outcome.SUCCEEDED, DecidedBy.DRY_RUN).message("dry run: would run "
                    + run.operation().command() + subject + p.call().detail()
                    + p.rel().map(r -> "; it is now " + r.state().describe(p.vm().replicationMode())).orElse(""))
                    .build();
        }
        return invoke(run, p);
    }

    /** Follows a job named by its InstanceID; no VM is known, so only the job can decide. */
    OperationOutcome waitForJob(String instanceId, OperationRun run) {
        run.words(new Words.ForJobWait(instanceId, run));
        return follow(run, Jobs.reference(instanceId), null, DecidedBy.JOB, "");
    }

    /**
     * Everything the Invoke needs is read here: a failure up to here is certainly not a lost Invoke. The reads are
     * tried again after transient errors (a service restart, 503, a reset); turning the VM off is not (it invokes).
     */
    private Prepared prepare(ReplicaVerb verb, VmRef ref, OperationRun run) {
        VirtualMachine vm = read(run, "reading " + ref, () -> verb.target(host, host.vms().resolve(ref)));
        run.vm(vm);
        boolean checks = verb.checksReplication() && !run.options().force();
        Optional<Relationship> rel = Optional.empty();
        if (verb.checksReplication()) {
            if (checks) {
                refuseTestReplica(vm);
            }
            rel = read(run, "reading the replication of " + vm.name(), () -> host.vms().primaryRelationship(vm));
        }
        Optional<Relationship> found = rel;
        Optional<String> nothing = read(run, "reading whether " + vm.name() + " needs "
                + verb.operation().method(), () -> verb.nothingToDo(host, vm, found));
        if (nothing.isPresent()) {
            return new Prepared(vm, rel, null, null, false, nothing.get());
        }
        if (checks) {
            verb.check(host, vm, rel.orElseThrow(() -> new OperationFailedException(
                    vm.name() + " is not replicated (no replication relationship)")));
        }
        new PowerOff(client, host.vms(), tracker).asNeeded(verb.power(), vm, run);
        Invocation call = read(run, "reading what " + verb.operation().method() + " needs",
                () -> verb.prepare(host, vm));
        return new Prepared(vm, rel, call, read(run, "reading the state of " + vm.name(),
                () -> EvidenceDecision.before(verb.evidence(), vm, found, host, tracker)), verb.confirmsByEvidence(call),
                null);
    }

    /** As for a VM, without one: whether there is anything to do, the Invoke, the host's settings as they stand. */
    private Prepared prepare(HostVerb verb, OperationRun run) {
        String method = verb.operation().method();
        Optional<String> nothing = read(run, "reading whether " + host.host() + " needs " + method,
                () -> verb.nothingToDo(host));
        if (nothing.isPresent()) {
            return new Prepared(null, Optional.empty(), null, null, false, nothing.get());
        }
        Invocation call = read(run, "reading what " + method + " needs", () -> verb.prepare(host));
        return new Prepared(null, Optional.empty(), call, read(run, "reading the " + verb.evidence().label() + " of "
                + host.host(), () -> HostStateDecision.before(verb.evidence(), host, tracker)), false, null);
    }

    private <T> T read(OperationRun run, String what, java.util.function.Supplier<T> read) {
        return reads.call(what, FirstContact.refusedIsFinal(client, read), sleeper, clock, run.deadline());
    }

    private static void refuseTestReplica(VirtualMachine vm) {
        if (vm.replicationMode() == ReplicationMode.TEST_REPLICA) {
            throw new OperationFailedException(vm.name() + " is a test-failover VM; to end a test failover use"
                    + " stop-test-failover on its replica",
                    Hint.of(Hint.Kind.STOP_TEST_FAILOVER_ON_REPLICA, vm.name()));
        }
    }

    private OperationOutcome invoke(OperationRun run, Prepared p) {
        String method = run.operation().method();
        String asked = run.operation().command();
        MethodOutput out;
        run.listener().step(asked);
        run.listener().beforeInvoke(method);
        try {
            out = client.invoke(p.call().target(), method, p.call().input());
        } catch (ConnectionException e) {
            if (!e.requestMayHaveBeenProcessed()) {
                throw e;
            }
            return afterLostReply(run, p, "the connection was lost after the " + asked + " request was sent ("
                    + e.getMessage()
                    + ")");
        } catch (WsManFaultException e) {
            if (e.fault().isTimedOut()) {
                // w:TimedOut only says the reply missed OperationTimeout; WMI goes on with the method regardless.
                return afterLostReply(run, p, "the host did not answer the " + asked + " request within"
                        + " OperationTimeout");
            }
            return run.ended(Outcome.FAILED, DecidedBy.FAULT).message(asked + " was refused by " + run.host() + ": "
                    + e.getMessage()).build();
        } catch (TransportException e) {
            if (!replyMayFollowProcessing(e)) {
                throw e;
            }
            return afterLostReply(run, p, "the reply to the " + asked + " request was refused (" + e.getMessage()
                    + ")");
        }
        return afterReply(run, p, out);
    }

    /**
     * Whether a reply that failed below WS-Management may have come after the host carried the request out:
     * an integrity failure, an unreadable or oversized reply, a non-SOAP 500. A 401, 403, 404, 413 or 503 comes
     * from HTTP.sys before WinRM acts, so the request was certainly not carried out.
     */
    private static boolean replyMayFollowProcessing(TransportException e) {
        return !(e instanceof HttpStatusException) || e instanceof HttpServerErrorException;
    }

    private OperationOutcome afterReply(OperationRun run, Prepared p, MethodOutput out) {
        long rv = out.returnValue();
        run.listener().invoked(run.operation().method(), out.reference("Job").map(j -> j.selectors().get("InstanceID"))
                .orElse(null));
        run.returnValue(rv);
        String method = run.operation().command();
        if (rv == ReturnValues.COMPLETED && p.confirm()) {
            return p.evidence().decide(run, method + " was started", false, null);
        }
        if (rv == ReturnValues.COMPLETED) {
            return run.ended(Outcome.SUCCEEDED, DecidedBy.RETURN_VALUE).message(run.words().done(null)).build();
        }
        if (rv != ReturnValues.JOB_STARTED) {
            return run.ended(Outcome.FAILED, DecidedBy.RETURN_VALUE).message(method + " failed for " + run.vmName()
                    + ": " + ReturnValues.meaning(rv) + " (" + rv + ")").build();
        }
        Optional<EndpointReference> job = out.reference("Job");
        if (job.isEmpty()) {
            return p.evidence().decide(run, "the host started a job for " + method + " without naming it", false,
                    null);
        }
        OperationOutcome byJob = follow(run, job.get(), p.evidence(), DecidedBy.JOB, "");
        if (p.confirm() && byJob.outcome() == Outcome.SUCCEEDED) {
            return p.evidence().decide(run, method + " ended " + byJob.job().state(), false, byJob.job());
        }
        return byJob;
    }


    private OperationOutcome afterLostReply(OperationRun run, Prepared p, String why) {
        LOG.debug("the reply to the Invoke was lost: {}", why);
        Optional<EndpointReference> job = findJob(run, p);
        if (job.isEmpty()) {
            return p.evidence().decide(run, why, false, null);
        }
        return follow(run, job.get(), p.evidence(), DecidedBy.JOB_FOUND, " (" + why
                + "; the job it started was found on the host and followed)");
    }

    /**
     * The job the lost Invoke started, if the finder can tell it apart. The search only reads; if the host cannot be
     * read now either, the state decides, as when no job matches.
     */
    private Optional<EndpointReference> findJob(OperationRun run, Prepared p) {
        try {
            Optional<EndpointReference> job = finder.find(new JobFinder.LostReply(run.operation(), p.vm(),
                    run.start()));
            LOG.debug("the job of the lost {}: {}", run.operation().method(), job.map(EndpointReference::toString)
                    .orElse("none or several match; the state decides"));
            return job;
        } catch (HyperVWsManException e) {
            LOG.debug("could not look for the job of the lost {}: {}", run.operation().method(), e.toString());
            return Optional.empty();
        }
    }

    /** The one place a job's ending becomes an outcome; {@code evidence} is null when there is none (job wait). */
    private OperationOutcome follow(OperationRun run, EndpointReference job, StateDecision evidence,
                                    DecidedBy byJob, String note) {
        JobTracker.Result r = tracker.follow(job, run.deadline(), run.listener());
        return switch (r.ending()) {
            case FINISHED -> fromJob(run, r.last(), byJob, note);
            case TIMED_OUT -> run.ended(Outcome.TIMED_OUT, DecidedBy.NONE).job(r.last()).message(run.words().timedOut(
                    r.last() != null ? r.last().instanceId() : job.selectors().get("InstanceID"), r.last())).build();
            case VANISHED -> undecided(run, evidence, run.words().vanished(), true, r.last());
            case UNREACHABLE -> undecided(run, evidence, run.words().unreadable(r.error()), false, r.last());
        };
    }

    /** {@code note}: what the message adds to the job's ending (how the job was come by), or empty. */
    private static OperationOutcome fromJob(OperationRun run, JobReport job, DecidedBy by, String note) {
        if (JobState.isSuccess(job.jobState()) && job.errorCode() == 0) {
            if (job.jobState() == 32768) {
                run.warn("the job completed with warnings; see the host's Hyper-V-VMMS event log");
                job.errors().forEach(run::warn);
            }
            return run.ended(Outcome.SUCCEEDED, by).job(job).message(run.words().done(job) + note).build();
        }
        return run.ended(Outcome.FAILED, by).job(job).message(run.words().failed(job) + note).build();
    }

    private static OperationOutcome undecided(OperationRun run, StateDecision evidence, String why,
                                              boolean jobEnded, JobReport last) {
        return evidence == null ? run.ended(Outcome.UNKNOWN, DecidedBy.NONE).job(last).message(why).build()
                : evidence.decide(run, why, jobEnded, last);
    }
}
