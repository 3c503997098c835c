package io.hypervwsman.cli;

import io.hypervwsman.HyperVWsManException;
import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.Relationship;
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
 * own pre-checks, run as a dry run) and its hosts reachable. Reads only: each host's VMs and relationships once
 * ({@link PlanSession#listing}), then the engine's dry run per VM.
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
                session.listing(s.host()); // reachable: read once per host, shared by all its VMs
            }
            if (isFailover(vm.action())) {
                Optional<Relationship> rel = session.listing(vm.host()).primaryRelationship(vm.vmId());
                rel.ifPresent(r -> replication(r, problems));
                rp = EngineVmAction.recoveryPoint(vm, rel);
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

    /** Health and RPO from the host's listing; a VM without a relationship is left to the engine's dry run. */
    private void replication(Relationship r, List<String> problems) {
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
        return DurationConverter.words(Duration.ofSeconds(d.toSeconds()));
    }
}
