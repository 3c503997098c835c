package io.hypervwsman.cli;

import io.hypervwsman.Hint;
import io.hypervwsman.HyperVWsManException;
import io.hypervwsman.hyperv.AmbiguousVmException;
import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.ReplicationMode;
import io.hypervwsman.hyperv.VirtualMachine;
import io.hypervwsman.hyperv.VmNotFoundException;
import io.hypervwsman.hyperv.VmRef;
import io.hypervwsman.hyperv.replica.DecidedBy;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.Outcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import io.hypervwsman.plan.Concurrency;
import io.hypervwsman.plan.FailurePolicy;
import io.hypervwsman.plan.Group;
import io.hypervwsman.plan.HostSpec;
import io.hypervwsman.plan.InvokeJournal;
import io.hypervwsman.plan.Journal;
import io.hypervwsman.plan.JournalRecord;
import io.hypervwsman.plan.LocalCommand;
import io.hypervwsman.plan.Plan;
import io.hypervwsman.plan.PlanFile;
import io.hypervwsman.plan.PlanRun;
import io.hypervwsman.plan.PlannedGroup;
import io.hypervwsman.plan.PlannedVm;
import io.hypervwsman.plan.RunOrigin;
import io.hypervwsman.plan.StepResult;
import io.hypervwsman.plan.VmAction;
import io.hypervwsman.plan.VmEntry;
import io.hypervwsman.plan.VmHistory;
import io.hypervwsman.plan.VmOutcome;
import io.hypervwsman.plan.VmResult;
import io.hypervwsman.plan.VmSelector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A single-VM verb over several VMs ({@code --vm a --vm b}, {@code --vm 'web-*'}, GUIDs): every selector is resolved
 * on the host first (one naming nothing stops the command before anything is invoked), each VM is taken once
 * however many selectors name it, and the VMs run as a plan of one group under PlanRun's scheduler, at most
 * {@code --concurrency} at once, the failure of one not stopping the others. The result is a per-VM table (text)
 * or one JSON object (per-VM outcomes and a summary); the exit code is the highest per-VM code (README, "Exit codes").
 * The run's journal is a temporary file, deleted at the end: a run over several VMs is not resumed, and running it
 * again is safe because each verb's pre-checks find what is already done (nothing-to-do).
 */
final class SeveralVmsRun {
    private final ReplicaVerbCommand command;
    private final ConnectionMixin.Session session;
    private final boolean json;
    private final Terminal terminal;
    private final Map<String, Row> rows = new ConcurrentHashMap<>();

    /** One VM's result: the table's row and its JSON object. */
    record Row(String vm, String outcome, String decidedBy, long durationMs, String message, int exitCode,
               Map<String, Object> json) {
    }

    SeveralVmsRun(ReplicaVerbCommand command, ConnectionMixin.Session session, boolean json) {
        this.command = command;
        this.session = session;
        this.json = json;
        this.terminal = command.terminal;
    }

    int run() throws InterruptedException {
        List<PlannedVm> vms = resolve();
        if (!command.dryRun) {
            command.confirm(session, vms.stream().map(PlannedVm::name).toList());
        }
        PlannedGroup group = new PlannedGroup(new Group(command.operation(), session.label(), null, null,
                command.vms.stream().map(VmEntry::of).toList(), null, null), vms);
        Path journalFile = temporaryJournal();
        Map<String, String> inFlight = new ConcurrentHashMap<>();
        Thread onStop = new Thread(() -> stopped(inFlight), "hyperv-wsman-on-stop");
        boolean hooked = StopHook.add(onStop);
        try (PlanView view = new PlanView(List.of(group), terminal.err(), PlanView.mode(terminal, json),
                terminal.clock()).started();
             Journal journal = Journal.open(journalFile, watching(vms, inFlight, view))) {
            PlanRun.Services services = new PlanRun.Services(new EachVm(), (step, in) -> StepResult.failed("no steps"),
                    (g, instruction) -> false, new LocalCommand());
            new PlanRun(planFile(group), List.of(group), services, journal, terminal.clock(), RunOrigin.current())
                    .execute();
        } finally {
            if (hooked) {
                StopHook.remove(onStop);
            }
            try {
                Files.deleteIfExists(journalFile);
            } catch (IOException e) {
                terminal.err().println("warning: cannot delete the run's journal " + journalFile + ": " + e.getMessage());
            }
        }
        return report(vms);
    }

    /** The command as a plan: one group on the command's host, every VM at once up to --concurrency, continue. */
    private PlanFile planFile(PlannedGroup group) {
        Plan plan = new Plan(command.operation(), null,
                // The command line's host, named as given; the plan never opens it (the session is open already).
                Map.of(session.label(), new HostSpec(session.label(), null, null, null)),
                new Concurrency(command.concurrency, command.concurrency), FailurePolicy.CONTINUE,
                List.of(group.group()));
        return new PlanFile("the command line", plan, String.join(" ", command.vms), "-");
    }

    /** What sees each journal record: the live view, and the jobs in flight (for a stop). */
    private static Consumer<JournalRecord> watching(List<PlannedVm> vms, Map<String, String> inFlight, PlanView view) {
        Map<String, String> names = new LinkedHashMap<>();
        vms.forEach(v -> names.put(v.key(), v.name()));
        return r -> {
            if (r.type() == JournalRecord.Type.INVOKE_SENT && r.detail() != null) {
                inFlight.put(r.vm(), names.get(r.vm()) + " job " + r.detail());
            } else if (r.type() == JournalRecord.Type.VM_FINISHED) {
                inFlight.remove(r.vm());
            }
            view.accept(r);
        };
    }

    /** Stopped (Ctrl-C, SIGTERM) while VMs were in flight: their jobs go on on the host; say which. */
    private void stopped(Map<String, String> inFlight) {
        String jobs = String.join(", ", inFlight.values());
        command.report.stopped(null, null, inFlight.isEmpty() ? "stopped; a VM's operation may or may not have been"
                + " sent" : "stopped while jobs go on on " + session.label() + ": " + jobs,
                "hyperv-wsman job list" + command.connection.resumeArguments());
    }

    /** Every selector resolved against one listing of the host's VMs (test-failover VMs are never selected). */
    List<PlannedVm> resolve() {
        List<VirtualMachine> all = session.host().vms().list().stream()
                .filter(v -> v.replicationMode() != ReplicationMode.TEST_REPLICA).toList();
        Map<String, PlannedVm> chosen = new LinkedHashMap<>();
        for (String given : command.vms) {
            VmSelector selector;
            try {
                selector = VmSelector.of(given.trim());
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            List<VirtualMachine> hits = all.stream().filter(v -> selector.matches(v.id(), v.name())).toList();
            if (hits.isEmpty()) {
                throw new VmNotFoundException((selector.isPattern() ? "no virtual machine on " + session.label()
                        + " matches " + given : selector.isGuid() ? "no virtual machine with id " + given + " on "
                        + session.label() : "no virtual machine named " + given + " on " + session.label()),
                        given, Hint.of(Hint.Kind.LIST_VMS, session.label()));
            }
            if (hits.size() > 1 && !selector.isPattern()) {
                throw new AmbiguousVmException(hits.size() + " virtual machines are named " + given + " on "
                        + session.label() + ": " + String.join(", ", hits.stream().map(VirtualMachine::id).toList()),
                        hits);
            }
            for (VirtualMachine v : hits) {
                chosen.putIfAbsent(v.id().toUpperCase(Locale.ROOT), new PlannedVm(command.operation(), session.label(), v.id(),
                        v.name(), null, null));
            }
        }
        return new ArrayList<>(chosen.values());
    }

    private static Path temporaryJournal() {
        try {
            return Files.createTempFile("hyperv-wsman-vms-", ".journal");
        } catch (IOException e) {
            throw new HyperVWsManException("cannot create the run's journal: " + e.getMessage(), e);
        }
    }

    /** The verb on one VM: the command's own operation, its Invoke journalled first, its outcome kept for the table. */
    private final class EachVm implements VmAction {
        private final ReplicaOperations replica = ReplicaOperations.of(session.host());

        @Override
        public VmResult run(PlannedVm vm, InvokeJournal journal) throws InterruptedException {
            Instant start = terminal.clock().instant();
            journal.phase("invoke");
            OperationOptions options = OperationOptions.defaults().withTimeout(command.timeout)
                    .withTurnOff(command.turnOff).withForce(command.force).withDryRun(command.dryRun)
                    .withListener(new EngineVmAction.Journalling(journal, new VmHistory(List.of())));
            Row row;
            try {
                OperationOutcome o = command.perform(replica, VmRef.of(vm.vmId()), options);
                ReplicaVerbCommand.FollowUp after = null;
                if (o.outcome() == Outcome.SUCCEEDED && o.decidedBy() != DecidedBy.DRY_RUN) {
                    if (command.followUpPhase() != null) {
                        journal.phase(command.followUpPhase());
                    }
                    after = command.followUp(session, o);
                }
                row = row(vm, o, after);
            } catch (HyperVWsManException e) {
                row = row(vm, e, Duration.between(start, terminal.clock().instant()).toMillis());
            }
            rows.put(vm.key(), row);
            VmOutcome outcome = row.exitCode() == ExitCodes.SUCCEEDED ? VmOutcome.SUCCEEDED
                    : row.exitCode() == ExitCodes.UNDECIDED ? VmOutcome.UNKNOWN : VmOutcome.FAILED;
            return new VmResult(outcome, row.message(), null);
        }

        @Override
        public VmResult resume(PlannedVm vm, VmHistory history, InvokeJournal journal) {
            // The journal is this run's own and new: nothing to resume, so nothing is ever sent twice.
            throw new IllegalStateException("a run over several VMs is never resumed");
        }
    }

    private Row row(PlannedVm vm, OperationOutcome o, ReplicaVerbCommand.FollowUp after) {
        Map<String, Object> m = command.report.toMap(o);
        int code = after != null && !after.ok() ? ExitCodes.FAILED : ExitCodes.of(o.outcome());
        String message = o.message() + (after == null ? "" : "; " + after.line());
        if (after != null) {
            m.put(after.key(), after.json());
        }
        m.put("exitCode", code);
        if (o.hint() != null) {
            m.put("hint", HintText.of(o.hint()));
        }
        String label = o.decidedBy() == DecidedBy.DRY_RUN ? OutcomeReport.PLANNED
                : code == ExitCodes.FAILED && o.outcome() == Outcome.SUCCEEDED ? Outcome.FAILED.label()
                : o.outcome().label();
        m.put("outcome", label);
        for (String w : o.warnings()) {
            warn(vm.name() + ": warning: " + w);
        }
        return new Row(vm.name(), label, o.decidedBy().label(), o.durationMs(), message, code, m);
    }

    private Row row(PlannedVm vm, HyperVWsManException e, long durationMs) {
        int code = ExitCodes.of(e);
        String outcome = code == ExitCodes.UNDECIDED ? "unknown" : "failed";
        String decidedBy = e instanceof io.hypervwsman.OperationFailedException ? "pre-check" : "none";
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("operation", command.operation());
        m.put("host", session.label());
        m.put("simulated", command.connection.simulate);
        m.put("vm", OutcomeReport.vm(vm.name(), vm.vmId()));
        m.put("outcome", outcome);
        m.put("decidedBy", decidedBy);
        m.put("message", e.getMessage());
        m.put("durationMs", durationMs);
        m.put("exitCode", code);
        m.put("hint", FailureHints.hintFor(e, code));
        return new Row(vm.name(), outcome, decidedBy, durationMs, e.getMessage(), code, m);
    }

    private void warn(String line) {
        if (!json) {
            synchronized (terminal.err()) {
                terminal.err().println(line);
            }
        }
    }

    /** The table or the JSON object; returns the exit code: the highest of the VMs' codes. */
    private int report(List<PlannedVm> vms) {
        List<Row> ordered = new ArrayList<>();
        for (PlannedVm vm : vms) {
            Row r = rows.get(vm.key());
            ordered.add(r != null ? r : new Row(vm.name(), "not-run", "none", 0, "not run", ExitCodes.UNDECIDED,
                    Map.of("vm", OutcomeReport.vm(vm.name(), vm.vmId()), "outcome", "not-run",
                            "exitCode", ExitCodes.UNDECIDED)));
        }
        int code = ordered.stream().mapToInt(Row::exitCode).max().orElse(ExitCodes.SUCCEEDED);
        Map<String, Integer> counts = new LinkedHashMap<>();
        ordered.forEach(r -> counts.merge(r.outcome(), 1, Integer::sum));
        String overall = code == ExitCodes.SUCCEEDED ? (command.dryRun ? OutcomeReport.PLANNED : "succeeded")
                : code == ExitCodes.UNDECIDED ? "unknown" : "failed";
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("operation", command.operation());
            m.put("host", session.label());
            m.put("simulated", command.connection.simulate);
            m.put("vms", ordered.stream().map(Row::json).toList());
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("total", ordered.size());
            summary.putAll(counts);
            m.put("summary", summary);
            m.put("outcome", overall);
            m.put("exitCode", code);
            terminal.out().println(OutcomeReport.write(m));
            terminal.out().flush();
            return code;
        }
        terminal.out().print(table(ordered));
        List<String> parts = new ArrayList<>();
        counts.forEach((k, n) -> parts.add(n + " " + k));
        terminal.out().println((command.connection.simulate ? OutcomeReport.SIMULATED + " " : "") + overall + ": "
                + ordered.size() + " VMs, " + String.join(", ", parts) + " (exit code " + code + ")");
        terminal.out().flush();
        return code;
    }

    /** The per-VM table: VM, outcome, decided by, elapsed, message. */
    static String table(List<Row> rows) {
        int w = Math.max(2, rows.stream().mapToInt(r -> r.vm().length()).max().orElse(2));
        String format = "%-" + w + "s  %-10s  %-17s  %8s  %s%n";
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, format, "VM", "OUTCOME", "DECIDED BY",
                "ELAPSED", "MESSAGE"));
        for (Row r : rows) {
            s.append(String.format(Locale.ROOT, format, r.vm(), r.outcome(), r.decidedBy(),
                    OutcomeReport.seconds(r.durationMs()), r.message() == null ? "" : r.message()));
        }
        return s.toString();
    }
}
