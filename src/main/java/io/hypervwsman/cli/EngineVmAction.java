package io.hypervwsman.cli;

import io.hypervwsman.HyperVWsManException;
import io.hypervwsman.hyperv.HeartbeatWait;
import io.hypervwsman.hyperv.JobProgressListener;
import io.hypervwsman.hyperv.JobReport;
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
    private static final Duration STATE_POLL = Duration.ofSeconds(2);

    private final PlanHosts hosts;
    private final List<String> hostKeys;
    private final Duration timeout;
    private final Clock clock;
    private final Sleeper sleeper;

    EngineVmAction(PlanHosts hosts, List<String> hostKeys, Duration timeout, Clock clock, Sleeper sleeper) {
        this.hosts = hosts;
        this.hostKeys = List.copyOf(hostKeys);
        this.timeout = timeout;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** One engine verb on one host, and what shows on that host that it took effect. */
    record Stage(String host, ReplicaVerb verb, Predicate<VmState> done) {
        String method() {
            return verb.operation().method();
        }
    }

    /** What a host shows about a VM: whether it (or its test VM) exists, its mode and its replication state. */
    record VmState(Optional<VirtualMachine> vm, Optional<VirtualMachine> testVm, ReplicationState state) {
        /** A failover or a power change (Starting, ShuttingDown) is under way: a job may still decide it. */
        boolean changing() {
            return IN_PROGRESS.contains(state) || vm.map(v -> v.enabledState() == 10 || v.enabledState() == 4)
                    .orElse(false);
        }
    }

    List<Stage> stages(PlannedVm vm) {
        String rp = vm.options().recoveryPoint();
        return switch (vm.action()) {
            case TEST_FAILOVER -> List.of(new Stage(vm.host(), new TestFailover(rp), s -> s.testVm().isPresent()));
            case STOP_TEST_FAILOVER -> List.of(new Stage(vm.host(), new StopTestFailover(), s -> s.testVm().isEmpty()));
            case UNPLANNED_FAILOVER -> startIfAsked(vm, List.of(failover(vm.host(), rp)));
            case REVERT -> List.of(new Stage(vm.host(), new RevertFailover(), s -> s.state() != ReplicationState.RECOVERED
                    && s.state() != ReplicationState.FAILOVER_IN_PROGRESS && s.state() != ReplicationState.COMMITTED
                    && s.state() != ReplicationState.SYNCED_REPLICATION_COMPLETE));
            case COMMIT -> List.of(new Stage(vm.host(), new CommitFailover(),
                    s -> s.state() == ReplicationState.COMMITTED));
            case PLANNED_FAILOVER -> startIfAsked(vm, List.of(
                    new Stage(primaryOf(vm), new PreparePlannedFailover(),
                            s -> s.state() == ReplicationState.SYNCED_REPLICATION_COMPLETE),
                    failover(vm.host(), rp),
                    new Stage(vm.host(), new ReverseReplication(ReverseOptions.defaults()),
                            s -> s.vm().map(v -> v.replicationMode() == ReplicationMode.PRIMARY).orElse(false))));
        };
    }

    /** The stages, then Start-VM on the VM's host unless the plan says {@code start: false}. */
    private static List<Stage> startIfAsked(PlannedVm vm, List<Stage> stages) {
        if (!vm.options().startAfterFailover()) {
            return stages;
        }
        List<Stage> all = new ArrayList<>(stages);
        all.add(new Stage(vm.host(), new StartVm(false),
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
            boolean primary = hosts.host(key).vms().list().stream().anyMatch(v -> v.id().equalsIgnoreCase(vm.vmId())
                    && v.replicationMode() == ReplicationMode.PRIMARY);
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
            for (Stage stage : stages(vm)) {
                if (stage.verb() instanceof InitiateFailover || stage.verb() instanceof TestFailover) {
                    recoveryPoint = recoveryPoint(vm, stage.host());
                }
                journal.phase(stage.verb() instanceof StartVm ? "start" : "invoke");
                Decided d = history.mayHaveInvoked(stage.method()) ? decide(vm, stage, history, journal)
                        : invoke(vm, stage, journal);
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

    private Decided invoke(PlannedVm vm, Stage stage, InvokeJournal journal) {
        OperationOutcome o = hosts.operations(stage.host()).run(stage.verb(), VmRef.of(vm.vmId()),
                OperationOptions.defaults().withTimeout(timeout).withListener(new Journalling(journal)));
        return Decided.of(o);
    }

    /** A stage whose Invoke may have been sent: its job decides, else what the host shows; never sent again. */
    private Decided decide(PlannedVm vm, Stage stage, VmHistory history, InvokeJournal journal)
            throws InterruptedException {
        Optional<String> job = history.job(stage.method());
        if (job.isPresent()) {
            journal.phase("job");
            OperationOutcome o = hosts.operations(stage.host()).waitForJob(job.get(), timeout, JobProgressListener.NONE);
            if (o.outcome() == Outcome.SUCCEEDED || o.outcome() == Outcome.FAILED) {
                return Decided.of(o);
            }
        }
        VmState state = settled(vm, stage.host());
        if (stage.done().test(state)) {
            return new Decided(VmOutcome.SUCCEEDED, stage.method() + " took effect before the interruption ("
                    + describe(state) + "); not sent again");
        }
        boolean answered = history.records().stream().anyMatch(r -> r.type() == JournalRecord.Type.INVOKE_SENT
                && stage.method().equals(r.step()));
        return new Decided(VmOutcome.FAILED, stage.method() + (answered ? " was answered" : " may have been sent")
                + " before the interruption but did not take effect (" + describe(state) + ")" + job.map(
                j -> " and its job " + j + " did not finish").orElse("") + "; it was not sent again: check the VM, "
                + "then run it by hand");
    }

    private static String describe(VmState s) {
        return s.vm().map(v -> "now " + s.state().describe(v.replicationMode()) + ", " + v.powerState()).orElse("the VM is gone")
                + (s.testVm().isPresent() ? ", test VM present" : "");
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

    private VmState state(PlannedVm vm, String host) {
        VirtualMachines vms = hosts.host(host).vms();
        Optional<VirtualMachine> v = vms.list().stream().filter(x -> x.id().equalsIgnoreCase(vm.vmId())
                && x.replicationMode() != ReplicationMode.TEST_REPLICA).findFirst();
        Optional<VirtualMachine> test = vms.list().stream().filter(x -> x.name().equals(vm.name() + " - Test")
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

    /** The recovery point a failover will use, as the drill report shows it. */
    String recoveryPoint(PlannedVm vm, String host) {
        String rp = vm.options().recoveryPointOrLatest();
        if (!"latest".equalsIgnoreCase(rp)) {
            return rp;
        }
        VirtualMachines vms = hosts.host(host).vms();
        return vms.list().stream().filter(x -> x.id().equalsIgnoreCase(vm.vmId())).findFirst()
                .flatMap(vms::primaryRelationship).map(Relationship::lastReplicationTime)
                .map(t -> "latest (last replication " + t + ")").orElse("latest");
    }

    /** The engine's listener writing to the plan journal: the intent before each Invoke, the job after it. */
    static final class Journalling implements JobProgressListener {
        private final InvokeJournal journal;
        private boolean following;

        Journalling(InvokeJournal journal) {
            this.journal = journal;
        }

        @Override
        public void beforeInvoke(String method) {
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
