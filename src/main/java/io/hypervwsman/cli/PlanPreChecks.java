package io.hypervwsman.cli;

import io.hypervwsman.HyperVWsManException;
import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.Relationship;
import io.hypervwsman.hyperv.ReplicationMode;
import io.hypervwsman.hyperv.VirtualMachines;
import io.hypervwsman.hyperv.VmRef;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.Outcome;
import io.hypervwsman.plan.PlanAction;
import io.hypervwsman.plan.PlannedGroup;
import io.hypervwsman.plan.PlannedVm;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checks a whole plan passes before anything is invoked anywhere: each VM's replication health (Critical
 * refused unless allowed), its last replication within the plan's RPO, the state its action needs (the engine's
 * own pre-checks, run as a dry run) and its hosts reachable. Reads only.
 */
final class PlanPreChecks {

    /** One VM as the checks found it: what would run, from which recovery point, and what is wrong. */
    record VmCheck(PlannedVm vm, String recoveryPoint, List<String> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    private final PlanSession session;
    private final boolean allowCritical;
    private final Clock clock;

    PlanPreChecks(PlanSession session, boolean allowCritical, Clock clock) {
        this.session = session;
        this.allowCritical = allowCritical;
        this.clock = clock;
    }

    List<VmCheck> check(List<PlannedGroup> groups) {
        List<VmCheck> all = new ArrayList<>();
        for (PlannedGroup g : groups) {
            for (PlannedVm vm : g.vms()) {
                all.add(check(vm));
            }
        }
        return all;
    }

    private VmCheck check(PlannedVm vm) {
        List<String> problems = new ArrayList<>();
        String rp = null;
        try {
            List<EngineVmAction.Stage> stages = session.action.stages(vm);
            for (EngineVmAction.Stage s : stages) {
                session.hosts.host(s.host()).vms().list();
            }
            if (isFailover(vm.action())) {
                replication(vm, problems);
                rp = session.action.recoveryPoint(vm, vm.host());
            }
            // Later stages need what the first one does (planned failover: prepared), so only it can be dry-run.
            EngineVmAction.Stage first = stages.get(0);
            OperationOutcome o = session.hosts.operations(first.host()).run(first.verb(), VmRef.of(vm.vmId()),
                    OperationOptions.defaults().withDryRun(true));
            if (o.outcome() != Outcome.SUCCEEDED) {
                problems.add(o.message());
            }
        } catch (HyperVWsManException e) {
            problems.add(e.getMessage());
        }
        return new VmCheck(vm, rp, problems);
    }

    private static boolean isFailover(PlanAction a) {
        return a == PlanAction.TEST_FAILOVER || a == PlanAction.PLANNED_FAILOVER || a == PlanAction.UNPLANNED_FAILOVER;
    }

    private void replication(PlannedVm vm, List<String> problems) {
        VirtualMachines vms = session.hosts.host(vm.host()).vms();
        Optional<Relationship> rel = vms.list().stream().filter(v -> v.id().equalsIgnoreCase(vm.vmId())
                && v.replicationMode() != ReplicationMode.TEST_REPLICA).findFirst().flatMap(vms::primaryRelationship);
        if (rel.isEmpty()) {
            return; // the engine's dry run says "not replicated"
        }
        Relationship r = rel.get();
        if (r.health() == 3 && !allowCritical) {
            problems.add("replication health is Critical (--allow-critical to go ahead anyway)");
        }
        Duration rpo = session.file.plan().rpo();
        if (rpo != null) {
            Instant last = r.lastReplicationTime();
            if (last == null) {
                problems.add("it has never replicated (the plan's RPO is " + rpo + ")");
            } else if (last.isBefore(clock.instant().minus(rpo))) {
                problems.add("last replication " + last + " is older than the plan's RPO of " + human(rpo) + " ("
                        + human(Duration.between(last, clock.instant())) + " ago)");
            }
        }
    }

    static String human(Duration d) {
        return Duration.ofSeconds(d.toSeconds()).toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }
}
