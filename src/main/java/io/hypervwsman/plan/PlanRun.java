package io.hypervwsman.plan;

import io.hypervwsman.plan.JournalRecord.Type;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Runs a resolved plan: groups in order, each group's pre-steps, its VMs in parallel under the plan-wide and
 * per-host limits, then its post-steps; applies the failure policy; journals every step. {@link #resume()}
 * continues an interrupted run from its journal.
 */
public final class PlanRun {

    /** What the run calls out to: the operation engine, WS-Man checks, the operator, local commands. */
    public record Services(VmAction action, GroupCheck checks, Confirmation confirmation, CommandRunner commands) {
    }

    private final PlanFile file;
    private final List<PlannedGroup> groups;
    private final Services services;
    private final Journal journal;
    private final Clock clock;
    private final RunOrigin origin;

    private final Map<String, VmResult> results = new LinkedHashMap<>();
    private final Map<String, List<JournalRecord>> earlier = new HashMap<>();
    private final Set<String> stepsDone = new HashSet<>();
    private final Set<String> stepsStarted = new HashSet<>();
    private final Map<String, Boolean> groupsDone = new HashMap<>();
    private final List<String> stepFailures = new ArrayList<>();

    public PlanRun(PlanFile file, List<PlannedGroup> groups, Services services, Journal journal, Clock clock,
                   RunOrigin origin) {
        this.file = file;
        this.groups = List.copyOf(groups);
        this.services = services;
        this.journal = journal;
        this.clock = clock;
        this.origin = origin;
    }

    /** Runs the plan from the start; refuses a journal that already holds a run. */
    public PlanResult execute() throws InterruptedException {
        if (!journal.records().isEmpty()) {
            throw new PlanException(journal.path() + " already holds a run of this plan: resume it, or choose "
                    + "another journal", 0, 0);
        }
        journal.append(JournalRecord.of(clock.instant(), Type.RUN_STARTED, null)
                .withStep(file.plan().name(), file.sha256()).withOutcome(null, origin.describe(), null));
        return runGroups();
    }

    /**
     * Continues the run its journal records: finished VMs and steps are skipped, VMs whose Invoke may have been
     * sent go to {@link VmAction#resume}, the rest run.
     */
    public PlanResult resume() throws InterruptedException {
        List<JournalRecord> records = journal.records();
        if (records.isEmpty()) {
            return execute();
        }
        if (!file.sha256().equals(records.get(0).detail())) {
            throw new PlanException(file.source() + " changed since the run in " + journal.path() + " started; "
                    + "resume with the plan as it was", 0, 0);
        }
        boolean finished = false;
        for (JournalRecord r : records) {
            switch (r.type()) {
                case VM_FINISHED -> results.put(r.vm(), new VmResult(VmOutcome.valueOf(r.outcome()), r.message(),
                        r.recoveryPoint()));
                case VM_STARTED, VM_HOSTS, PHASE, INVOKE_INTENT, INVOKE_SENT ->
                        earlier.computeIfAbsent(r.vm(), k -> new ArrayList<>()).add(r);
                case STEP_STARTED -> stepsStarted.add(r.step());
                case STEP_FINISHED -> {
                    stepsDone.add(r.step());
                    if (!"ok".equals(r.outcome())) {
                        stepFailures.add(r.group() + ": " + r.detail() + ": " + r.message());
                    }
                }
                case GROUP_FINISHED -> groupsDone.put(r.group(), "failed".equals(r.outcome()));
                case RUN_FINISHED -> finished = true;
                default -> { }
            }
        }
        if (finished) {
            return result("stopped".equals(records.get(records.size() - 1).outcome()));
        }
        return runGroups();
    }

    private PlanResult runGroups() throws InterruptedException {
        FailurePolicy policy = file.plan().onFailure();
        boolean stopped = false;
        ExecutorService pool = Executors.newFixedThreadPool(file.plan().concurrency().plan());
        try {
            for (PlannedGroup g : groups) {
                boolean failed = groupsDone.containsKey(g.name()) ? groupsDone.get(g.name()) : runGroup(g, policy, pool);
                if (failed && policy == FailurePolicy.STOP) {
                    stopped = true;
                    break;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        journal.append(JournalRecord.of(clock.instant(), Type.RUN_FINISHED, null)
                .withOutcome(stopped ? "stopped" : "finished", null, null));
        return result(stopped);
    }

    private PlanResult result(boolean stopped) {
        Map<String, VmResult> all = new LinkedHashMap<>();
        for (PlannedGroup g : groups) {
            for (PlannedVm vm : g.vms()) {
                all.put(vm.key(), results.getOrDefault(vm.key(), new VmResult(VmOutcome.NOT_RUN, null, null)));
            }
        }
        return new PlanResult(all, stepFailures, stopped);
    }

    /** Runs one group; true if anything in it failed. */
    private boolean runGroup(PlannedGroup g, FailurePolicy policy, ExecutorService pool) throws InterruptedException {
        journal.append(JournalRecord.of(clock.instant(), Type.GROUP_STARTED, g.name()));
        boolean failed = !runSteps(g, "pre", g.group().pre());
        boolean abandon = failed && policy != FailurePolicy.CONTINUE;
        if (!abandon) {
            failed |= !runVms(g, policy, pool);
            abandon = failed && policy != FailurePolicy.CONTINUE;
        }
        if (!abandon) {
            failed |= !runSteps(g, "post", g.group().post());
        }
        journal.append(JournalRecord.of(clock.instant(), Type.GROUP_FINISHED, g.name())
                .withOutcome(failed ? "failed" : "succeeded", null, null));
        return failed;
    }

    /** Runs steps in order up to the first failure; true if all passed. */
    private boolean runSteps(PlannedGroup g, String phase, List<Step> steps) throws InterruptedException {
        for (int i = 0; i < steps.size(); i++) {
            String id = g.name() + "/" + phase + "[" + i + "]";
            if (stepsDone.contains(id)) {
                continue;
            }
            Step step = steps.get(i);
            boolean again = stepsStarted.contains(id);
            journal.append(JournalRecord.of(clock.instant(), Type.STEP_STARTED, g.name()).withStep(id, step.describe()));
            StepResult r = runStep(g, phase, step, again);
            journal.append(JournalRecord.of(clock.instant(), Type.STEP_FINISHED, g.name()).withStep(id, step.describe())
                    .withOutcome(r.ok() ? "ok" : "failed", r.message(), null));
            if (!r.ok()) {
                stepFailures.add(g.name() + ": " + step.describe() + ": " + r.message());
                return false;
            }
        }
        return true;
    }

    private StepResult runStep(PlannedGroup g, String phase, Step step, boolean startedBefore)
            throws InterruptedException {
        if (step instanceof ManualStep m) {
            return services.confirmation().confirm(g.name(), m.manual()) ? StepResult.ok("confirmed")
                    : StepResult.failed("not confirmed");
        }
        if (step instanceof CheckStep c) {
            return services.checks().check(c, g.vms());
        }
        CommandStep c = (CommandStep) step;
        if (startedBefore && !services.confirmation().confirm(g.name(),
                "'" + String.join(" ", c.run()) + "' may have run before the interruption; run it again?")) {
            return StepResult.ok("not run again: the operator said it had run");
        }
        return services.commands().run(c, environment(g, phase));
    }

    private Map<String, String> environment(PlannedGroup g, String phase) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HVW_PLAN_NAME", file.plan().name());
        env.put("HVW_PLAN_FILE", file.source());
        env.put("HVW_PLAN_JOURNAL", journal.path().toString());
        env.put("HVW_PLAN_GROUP", g.name());
        env.put("HVW_PLAN_PHASE", phase);
        env.put("HVW_PLAN_VMS", g.vms().stream().map(PlannedVm::name).collect(Collectors.joining(",")));
        env.put("HVW_PLAN_HOSTS", g.vms().stream().map(PlannedVm::host).distinct().collect(Collectors.joining(",")));
        return env;
    }

    /** Runs a group's unfinished VMs under the limits; true if none failed. */
    private boolean runVms(PlannedGroup g, FailurePolicy policy, ExecutorService pool) throws InterruptedException {
        Concurrency limits = file.plan().concurrency();
        CompletionService<VmDone> done = new ExecutorCompletionService<>(pool);
        Deque<PlannedVm> pending = new ArrayDeque<>();
        boolean failure = false;
        for (PlannedVm vm : g.vms()) {
            VmResult before = results.get(vm.key());
            if (before == null) {
                pending.add(vm);
            } else {
                failure |= before.outcome().isFailure();
            }
        }
        boolean launching = !(failure && policy != FailurePolicy.CONTINUE);
        Map<String, Integer> perHost = new HashMap<>();
        int running = 0;
        while (true) {
            for (Iterator<PlannedVm> it = pending.iterator(); launching && it.hasNext() && running < limits.plan(); ) {
                PlannedVm vm = it.next();
                if (perHost.getOrDefault(vm.host(), 0) < limits.perHost()) {
                    it.remove();
                    running++;
                    perHost.merge(vm.host(), 1, Integer::sum);
                    done.submit(() -> runVm(vm));
                }
            }
            if (running == 0) {
                break;
            }
            VmDone d;
            try {
                d = done.take().get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("a VM task failed outside its own handling", e.getCause());
            }
            running--;
            perHost.merge(d.vm().host(), -1, Integer::sum);
            results.put(d.vm().key(), d.result());
            if (d.result().outcome().isFailure()) {
                failure = true;
                launching = policy == FailurePolicy.CONTINUE;
            }
        }
        return !failure;
    }

    private record VmDone(PlannedVm vm, VmResult result) {
    }

    private VmDone runVm(PlannedVm vm) {
        List<JournalRecord> history = earlier.getOrDefault(vm.key(), List.of());
        boolean mayHaveInvoked = history.stream().anyMatch(x -> x.type() == Type.INVOKE_INTENT);
        VmJournal vj = new VmJournal(vm, mayHaveInvoked);
        if (history.isEmpty()) {
            journal.append(JournalRecord.of(clock.instant(), Type.VM_STARTED, vm.group()).withVm(vm.key())
                    .withStep(null, vm.name()));
        }
        VmResult r;
        VmHistory h = new VmHistory(history);
        try {
            r = mayHaveInvoked ? services.action().resume(vm, h, vj) : services.action().run(vm, vj);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            r = new VmResult(vj.invoked ? VmOutcome.UNKNOWN : VmOutcome.FAILED, "interrupted", null);
        } catch (RuntimeException e) {
            r = new VmResult(vj.invoked ? VmOutcome.UNKNOWN : VmOutcome.FAILED, String.valueOf(e.getMessage()), null);
        }
        journal.append(JournalRecord.of(clock.instant(), Type.VM_FINISHED, vm.group()).withVm(vm.key())
                .withOutcome(r.outcome().name(), r.message(), r.recoveryPoint()));
        return new VmDone(vm, r);
    }

    /** The journal as one VM's action writes to it. */
    private final class VmJournal implements InvokeJournal {
        private final PlannedVm vm;
        private volatile boolean invoked;

        VmJournal(PlannedVm vm, boolean invokedBefore) {
            this.vm = vm;
            this.invoked = invokedBefore;
        }

        @Override
        public void phase(String phase) {
            journal.append(JournalRecord.of(clock.instant(), Type.PHASE, vm.group()).withVm(vm.key()).withStep(null, phase));
        }

        @Override
        public void hosts(String primary, String replica) {
            journal.append(JournalRecord.of(clock.instant(), Type.VM_HOSTS, vm.group()).withVm(vm.key())
                    .withHosts(primary, replica));
        }

        @Override
        public void beforeInvoke(String method) {
            invoked = true;
            journal.append(JournalRecord.of(clock.instant(), Type.INVOKE_INTENT, vm.group()).withVm(vm.key())
                    .withStep(method, null));
        }

        @Override
        public void invoked(String method, String job) {
            journal.append(JournalRecord.of(clock.instant(), Type.INVOKE_SENT, vm.group()).withVm(vm.key())
                    .withStep(method, job));
        }
    }
}
