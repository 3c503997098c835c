package io.hypervwsman.cli;

import io.hypervwsman.HyperVWsManException;
import io.hypervwsman.OperationFailedException;
import io.hypervwsman.hyperv.ConcreteJobFinder;
import io.hypervwsman.hyperv.HyperVHost;
import io.hypervwsman.hyperv.HeartbeatWait;
import io.hypervwsman.hyperv.JobProgressListener;
import io.hypervwsman.hyperv.JobReport;
import io.hypervwsman.hyperv.JobState;
import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.Relationship;
import io.hypervwsman.hyperv.ReplicationMode;
import io.hypervwsman.hyperv.ReplicationState;
import io.hypervwsman.hyperv.ReverseOptions;
import io.hypervwsman.hyperv.Sleeper;
import io.hypervwsman.hyperv.VirtualMachine;
import io.hypervwsman.hyperv.VirtualMachines;
import io.hypervwsman.hyperv.VmRef;
import io.hypervwsman.hyperv.replica.CommitFailover;
import io.hypervwsman.hyperv.replica.InitiateFailover;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.Outcome;
import io.hypervwsman.hyperv.replica.PreparePlannedFailover;
import io.hypervwsman.hyperv.replica.ReplicaVerb;
import io.hypervwsman.hyperv.replica.ReverseReplication;
import io.hypervwsman.hyperv.replica.RevertFailover;
import io.hypervwsman.hyperv.replica.StartVm;
import io.hypervwsman.hyperv.replica.StopTestFailover;
import io.hypervwsman.hyperv.replica.TestFailover;
import io.hypervwsman.plan.InvokeJournal;
import io.hypervwsman.plan.JournalRecord;
import io.hypervwsman.plan.PlanAction;
import io.hypervwsman.plan.PlannedVm;
import io.hypervwsman.plan.VmAction;
import io.hypervwsman.plan.VmHistory;
import io.hypervwsman.plan.VmOutcome;
import io.hypervwsman.plan.VmResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A plan's actions carried out by the Replica operation engine: each action is a short list of engine verbs
 * (stages), run in order on the VM's host (planned failover: prepare on the primary first). Every Invoke is
 * journalled before it is sent through the engine's {@link JobProgressListener#beforeInvoke} seam; a resume
 * decides a stage whose Invoke may have been sent from its job or from the VM's state and never sends it again.
 */
final class EngineVmAction implements VmAction {
    private static final Set<ReplicationState> IN_PROGRESS = EnumSet.of(ReplicationState.FAILOVER_IN_PROGRESS,
            ReplicationState.FAILBACK_IN_PROGRESS, ReplicationState.FIREDRILL_IN_PROGRESS);
    private static final long RUNNING = 2;
    private static final long OFF = 3;
    private static final Duration STATE_POLL = Duration.ofSeconds(2);

    private final PlanHosts hosts;
    private final Function<String, HostListing> listings;
    private final List<String> hostKeys;
    private final Duration timeout;
    private final Clock clock;
    private final Sleeper sleeper;

    /** @param listings each host as first read (which host is a VM's primary does not change while a plan runs) */
    EngineVmAction(PlanHosts hosts, Function<String, HostListing> listings, List<String> hostKeys, Duration timeout,
                   Clock clock, Sleeper sleeper) {
        this.hosts = hosts;
        this.listings = listings;
        this.hostKeys = List.copyOf(hostKeys);
        this.timeout = timeout;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * One engine verb on one host, and what shows on that host that it took effect; {@code turnsOff}: what shows
     * that the RequestStateChange(3) the engine sends first (to turn the VM off) took effect, or null if it sends none.
     */
    record Stage(String host, ReplicaVerb verb, Predicate<VmState> done, Predicate<VmState> turnsOff) {
        Stage(String host, ReplicaVerb verb, Predicate<VmState> done) {
            this(host, verb, done, null);
        }

        String method() {
            return verb.operation().method();
        }
    }

    /** The Invoke the engine sends before a stage's own to turn its VM off (ReplicaVerb.Power.OFF). */
    static final String TURN_OFF = "RequestStateChange";

    /** What a host shows about a VM: whether it (or its test VM) exists, its mode and its replication state. */
    record VmState(Optional<VirtualMachine> vm, Optional<VirtualMachine> testVm, ReplicationState state) {
        /** A failover or a power change (Starting, ShuttingDown) of the VM or its test VM is under way. */
        boolean changing() {
            return IN_PROGRESS.contains(state) || vm.map(VmState::powerChanging).orElse(false)
                    || testVm.map(VmState::powerChanging).orElse(false);
        }

        private static boolean powerChanging(VirtualMachine v) {
            return v.enabledState() == 10 || v.enabledState() == 4;
        }

        /** The VM an Invoke of {@code stage} acts on: the test VM for stop-test-failover, else the VM. */
        Optional<VirtualMachine> target(Stage stage) {
            return stage.verb() instanceof StopTestFailover ? testVm : vm;
        }
    }

    /** The stages of {@code vm}'s action as a run that has not begun sees them (planned failover: its primary now). */
    List<Stage> stages(PlannedVm vm) {
        return stages(vm, new VmHistory(List.of()));
    }

    /**
     * The stages of {@code vm}'s action; a planned failover's hosts as {@code history} journalled them, else as the
     * hosts show them now (a journal from before hosts were journalled: the primary is looked for again).
     */
    List<Stage> stages(PlannedVm vm, VmHistory history) {
        String rp = vm.options().recoveryPoint();
        return switch (vm.action()) {
            case TEST_FAILOVER -> List.of(new Stage(vm.host(), new TestFailover(rp), s -> s.testVm().isPresent()));
            case STOP_TEST_FAILOVER -> List.of(new Stage(vm.host(), new StopTestFailover(), s -> s.testVm().isEmpty(),
                    s -> s.testVm().map(t -> t.enabledState() == OFF).orElse(true)));
            case UNPLANNED_FAILOVER -> startIfAsked(vm, List.of(failover(vm.host(), rp)));
            case REVERT -> List.of(new Stage(vm.host(), new RevertFailover(), s -> s.state() != ReplicationState.RECOVERED
                    && s.state() != ReplicationState.FAILOVER_IN_PROGRESS && s.state() != ReplicationState.COMMITTED
                    && s.state() != ReplicationState.SYNCED_REPLICATION_COMPLETE));
            case COMMIT -> List.of(new Stage(vm.host(), new CommitFailover(),
                    s -> s.state() == ReplicationState.COMMITTED));
            case PLANNED_FAILOVER -> {
                String replica = history.replicaHost().orElse(vm.host());
                yield startIfAsked(vm, replica, List.of(
                        new Stage(history.primaryHost().orElseGet(() -> primaryOf(vm)), new PreparePlannedFailover(),
                                s -> s.state() == ReplicationState.SYNCED_REPLICATION_COMPLETE),
                        failover(replica, rp),
                        new Stage(replica, new ReverseReplication(ReverseOptions.defaults()),
                                s -> s.vm().map(v -> v.replicationMode() == ReplicationMode.PRIMARY).orElse(false))));
            }
        };
    }

    /** The stages, then Start-VM on the VM's host unless the plan says {@code start: false}. */
    private static List<Stage> startIfAsked(PlannedVm vm, List<Stage> stages) {
        return startIfAsked(vm, vm.host(), stages);
    }

    private static List<Stage> startIfAsked(PlannedVm vm, String host, List<Stage> stages) {
        if (!vm.options().startAfterFailover()) {
            return stages;
        }
        List<Stage> all = new ArrayList<>(stages);
        all.add(new Stage(host, new StartVm(false),
                s -> s.vm().map(v -> v.enabledState() == RUNNING).orElse(false)));
        return all;
    }

    private static Stage failover(String host, String rp) {
        return new Stage(host, new InitiateFailover(rp), s -> s.state() == ReplicationState.RECOVERED
                || s.state() == ReplicationState.COMMITTED);
    }

    /** The plan host where {@code vm} is the primary (same GUID, replication mode Primary). */
    private String primaryOf(PlannedVm vm) {
        for (String key : hostKeys) {
            if (key.equals(vm.host())) {
                continue;
            }
            boolean primary = listings.apply(key).vm(vm.vmId()).map(v -> v.replicationMode()
                    == ReplicationMode.PRIMARY).orElse(false);
            if (primary) {
                return key;
            }
        }
        throw new PlanStageException("planned failover of " + vm.name() + " needs its primary host among the plan's "
                + "hosts (no other host has it as a primary VM); use unplanned-failover if the primary is lost");
    }

    @Override
    public VmResult run(PlannedVm vm, InvokeJournal journal) throws InterruptedException {
        return carryOut(vm, new VmHistory(List.of()), journal);
    }

    @Override
    public VmResult resume(PlannedVm vm, VmHistory history, InvokeJournal journal) throws InterruptedException {
        return carryOut(vm, history, journal);
    }

    private VmResult carryOut(PlannedVm vm, VmHistory history, InvokeJournal journal) throws InterruptedException {
        String recoveryPoint = null;
        List<String> said = new ArrayList<>();
        try {
            journal.phase("checks");
            List<Stage> stages = stages(vm, history);
            if (vm.action() == PlanAction.PLANNED_FAILOVER && history.primaryHost().isEmpty()) {
                // After the reverse no host holds the VM as primary: a resume takes both sides from the journal.
                journal.hosts(stages.get(0).host(), stages.get(1).host());
            }
            for (int i = 0; i < stages.size(); i++) {
                Stage stage = stages.get(i);
                if (stage.verb() instanceof InitiateFailover || stage.verb() instanceof TestFailover) {
                    recoveryPoint = recoveryPoint(vm, latest(vm) ? hosts.host(stage.host()).vms()
                            .primaryRelationship(vm.vmId()) : Optional.empty());
                }
                if (laterStageBegun(stages, i, history)) {
                    // A stage begins only once the one before it succeeded; its host may show it no more (the
                    // reverse makes the old primary a replica), so it is not looked at again.
                    said.add(stage.method() + " succeeded before the interruption (the next step had begun)");
                    continue;
                }
                journal.phase(stage.verb() instanceof StartVm ? "start" : "invoke");
                Decided d;
                if (history.mayHaveInvoked(stage.method())) {
                    d = decide(vm, stage, stage.method(), stage.done(), history, journal);
                } else if (stage.turnsOff() != null && history.mayHaveInvoked(TURN_OFF)) {
                    // Killed while turning the VM off: decide that Invoke first; the stage's own was never sent.
                    d = decide(vm, stage, TURN_OFF, stage.turnsOff(), history, journal);
                    d = d.outcome() == VmOutcome.SUCCEEDED ? invoke(vm, stage, history, journal) : d;
                } else {
                    d = invoke(vm, stage, history, journal);
                }
                if (d.outcome() != VmOutcome.SUCCEEDED) {
                    return new VmResult(d.outcome(), d.message(), recoveryPoint);
                }
                said.add(d.message());
                if (stage.verb() instanceof StartVm && vm.options().waitForHeartbeat() != null) {
                    journal.phase("heartbeat");
                    Decided h = heartbeat(vm, stage.host(), vm.options().waitForHeartbeat());
                    if (h.outcome() != VmOutcome.SUCCEEDED) {
                        return new VmResult(h.outcome(), String.join("; ", said) + "; " + h.message(), recoveryPoint);
                    }
                    said.add(h.message());
                }
            }
        } catch (HyperVWsManException e) {
            // Thrown only when nothing was carried out in this stage (a read failed); earlier stages stand.
            return VmResult.failed(String.join("; ", said) + (said.isEmpty() ? "" : "; ") + e.getMessage());
        }
        return VmResult.succeeded(String.join("; ", said), recoveryPoint);
    }

    /** Whether the journal shows that a stage after the {@code i}th may have been invoked. */
    private static boolean laterStageBegun(List<Stage> stages, int i, VmHistory history) {
        return stages.subList(i + 1, stages.size()).stream().anyMatch(s -> history.mayHaveInvoked(s.method()));
    }

    record Decided(VmOutcome outcome, String message) {
        static Decided of(OperationOutcome o) {
            VmOutcome v = switch (o.outcome()) {
                case SUCCEEDED -> VmOutcome.SUCCEEDED;
                case FAILED -> VmOutcome.FAILED;
                default -> VmOutcome.UNKNOWN;
            };
            return new Decided(v, o.message());
        }
    }

    /** Runs the stage through the engine, which refuses to send any Invoke the journal says may have been sent. */
    private Decided invoke(PlannedVm vm, Stage stage, VmHistory history, InvokeJournal journal) {
        OperationOutcome o = hosts.operations(stage.host()).run(stage.verb(), VmRef.of(vm.vmId()),
                OperationOptions.defaults().withTimeout(timeout).withListener(new Journalling(journal, history)));
        return Decided.of(o);
    }

    /**
     * An Invoke ({@code method}) that may have been sent before an interruption, decided and never sent again: by
     * its job if the journal names it, else by a job the host shows on the VM since the intent was journalled, then
     * by what the host shows ({@code done}). When the journal holds no answer and the host shows no job and no
     * change, nothing happened: the run was most likely killed between journalling the Invoke and sending it.
     */
    private Decided decide(PlannedVm vm, Stage stage, String method, Predicate<VmState> done, VmHistory history,
                           InvokeJournal journal) throws InterruptedException {
        Optional<String> job = history.job(method);
        if (job.isPresent()) {
            journal.phase("job");
            OperationOutcome o = hosts.operations(stage.host()).waitForJob(job.get(), timeout, JobProgressListener.NONE);
            if (o.outcome() == Outcome.SUCCEEDED || o.outcome() == Outcome.FAILED) {
                return Decided.of(o);
            }
        }
        Optional<Instant> intended = history.intendedAt(method);
        List<JobReport> since = job.isPresent() || intended.isEmpty() ? List.of()
                : jobsSince(stage, state(vm, stage.host()), intended.get(), history);
        VmState state = settled(vm, stage.host());
        if (done.test(state)) {
            return new Decided(VmOutcome.SUCCEEDED, method + " took effect before the interruption ("
                    + describe(state) + "); not sent again");
        }
        boolean answered = history.records().stream().anyMatch(r -> r.type() == JournalRecord.Type.INVOKE_SENT
                && method.equals(r.step()));
        if (!answered && job.isEmpty() && since.isEmpty()) {
            return new Decided(VmOutcome.INTERRUPTED, method + " may not have been sent: the run was interrupted "
                    + "after journalling it, before its answer; decided from " + stage.host() + "'s state: nothing "
                    + "happened (no job on the VM since " + intended.map(Instant::toString).orElse("then")
                    + ", " + describe(state) + "); it was not sent again: check the VM, then run it by hand");
        }
        String jobs = job.map(j -> " and its job " + j + " did not finish").orElse(since.isEmpty() ? ""
                : "; jobs on the VM since then: " + since.stream().map(j -> j.instanceId() + " " + j.state()
                + (j.errorDescription() == null ? "" : " (" + j.errorDescription() + ")")).toList());
        return new Decided(VmOutcome.FAILED, method + (answered ? " was answered" : " may have been sent")
                + " before the interruption but did not take effect (" + describe(state) + ")" + jobs
                + "; it was not sent again: check the VM, then run it by hand");
    }

    /**
     * The jobs the host shows on the stage's VM started since {@code after} (an Invoke's journalled intent) that the
     * journal does not name as another Invoke's, each followed to its end: an Invoke whose answer the journal lacks
     * may have started one.
     */
    private List<JobReport> jobsSince(Stage stage, VmState now, Instant after, VmHistory history) {
        Optional<VirtualMachine> target = now.target(stage);
        if (target.isEmpty()) {
            return List.of();
        }
        Set<String> journalled = history.records().stream().filter(r -> r.type() == JournalRecord.Type.INVOKE_SENT
                && r.detail() != null).map(r -> r.detail().toUpperCase(java.util.Locale.ROOT))
                .collect(java.util.stream.Collectors.toSet());
        HyperVHost host = hosts.host(stage.host());
        List<JobReport> found = new ArrayList<>();
        for (ConcreteJobFinder.FoundJob j : host.jobFinder().jobsOf(target.get().id())) {
            if (journalled.contains(j.report().instanceId().toUpperCase(java.util.Locale.ROOT))) {
                continue;
            }
            if (j.startTime().map(t -> !t.isBefore(after.minus(ConcreteJobFinder.DEFAULT_CLOCK_SKEW))).orElse(true)) {
                found.add(JobState.isRunning(j.report().jobState()) ? Optional.ofNullable(hosts.operations(
                        stage.host()).waitForJob(j.report().instanceId(), timeout, JobProgressListener.NONE).job())
                        .orElse(j.report()) : j.report());
            }
        }
        return found;
    }

    private static String describe(VmState s) {
        return s.vm().map(v -> "now " + s.state().describe(v.replicationMode()) + ", " + v.powerState()).orElse("the VM is gone")
                + s.testVm().map(t -> ", test VM present (" + t.powerState() + ")").orElse("");
    }

    /** The VM's state once nothing is changing on it (a job the journal did not name may still run). */
    private VmState settled(PlannedVm vm, String host) throws InterruptedException {
        Instant deadline = clock.instant().plus(timeout);
        VmState s = state(vm, host);
        while (s.changing() && clock.instant().isBefore(deadline)) {
            sleeper.sleep(STATE_POLL);
            s = state(vm, host);
        }
        return s;
    }

    /** What {@code host} shows now (one listing and the VM's relationship: read afresh, never from a snapshot). */
    private VmState state(PlannedVm vm, String host) {
        VirtualMachines vms = hosts.host(host).vms();
        List<VirtualMachine> all = vms.list();
        Optional<VirtualMachine> v = all.stream().filter(x -> x.id().equalsIgnoreCase(vm.vmId())
                && x.replicationMode() != ReplicationMode.TEST_REPLICA).findFirst();
        Optional<VirtualMachine> test = all.stream().filter(x -> x.name().equals(vm.name() + " - Test")
                && x.replicationMode() == ReplicationMode.TEST_REPLICA).findFirst();
        ReplicationState state = v.flatMap(vms::primaryRelationship).map(Relationship::state)
                .orElse(ReplicationState.UNKNOWN);
        return new VmState(v, test, state);
    }

    /** After the start: waits up to {@code timeout} for the guest's heartbeat (a read only; safe to repeat). */
    private Decided heartbeat(PlannedVm vm, String host, Duration timeout) throws InterruptedException {
        VirtualMachines vms = hosts.host(host).vms();
        Optional<VirtualMachine> v = vms.list().stream().filter(x -> x.id().equalsIgnoreCase(vm.vmId())
                && x.replicationMode() != ReplicationMode.TEST_REPLICA).findFirst();
        if (v.isEmpty()) {
            return new Decided(VmOutcome.FAILED, vm.name() + " is no longer on " + host + " to wait for its heartbeat");
        }
        HeartbeatWait.Result r = new HeartbeatWait(vms, clock, sleeper).await(v.get(), timeout);
        return new Decided(r.ok() ? VmOutcome.SUCCEEDED : VmOutcome.FAILED, r.describe(timeout));
    }

    private static boolean latest(PlannedVm vm) {
        return "latest".equalsIgnoreCase(vm.options().recoveryPointOrLatest());
    }

    /** The recovery point a failover will use, as the drill report shows it; {@code rel}: the VM's, for "latest". */
    static String recoveryPoint(PlannedVm vm, Optional<Relationship> rel) {
        if (!latest(vm)) {
            return vm.options().recoveryPointOrLatest();
        }
        return rel.map(Relationship::lastReplicationTime).map(t -> "latest (last replication " + t + ")")
                .orElse("latest");
    }

    /**
     * The engine's listener writing to the plan journal: the intent before each Invoke, the job after it. Refuses
     * (so the engine sends nothing) an Invoke whose intent the journal already holds: it may have been sent.
     */
    static final class Journalling implements JobProgressListener {
        private final InvokeJournal journal;
        private final VmHistory history;
        private boolean following;

        Journalling(InvokeJournal journal, VmHistory history) {
            this.journal = journal;
            this.history = history;
        }

        @Override
        public void beforeInvoke(String method) {
            if (history.mayHaveInvoked(method)) {
                throw new OperationFailedException(method + " may have been sent before the interruption; it is not "
                        + "sent again");
            }
            journal.beforeInvoke(method);
        }

        @Override
        public void invoked(String method, String jobInstanceId) {
            journal.invoked(method, jobInstanceId);
        }

        @Override
        public void update(JobReport report) {
            if (!following) {
                following = true;
                journal.phase("job");
            }
        }
    }

    /** A stage that cannot be planned (e.g. no primary host for a planned failover); nothing was invoked. */
    static final class PlanStageException extends HyperVWsManException {
        PlanStageException(String message) {
            super(message);
        }
    }
}
