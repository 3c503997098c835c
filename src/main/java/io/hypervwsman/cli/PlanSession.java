package io.hypervwsman.cli;

import io.hypervwsman.hyperv.HeartbeatWait;
import io.hypervwsman.hyperv.HyperVHost;
import io.hypervwsman.hyperv.ReplicationMode;
import io.hypervwsman.hyperv.Sleeper;
import io.hypervwsman.hyperv.VirtualMachine;
import io.hypervwsman.plan.CheckKind;
import io.hypervwsman.plan.CheckStep;
import io.hypervwsman.plan.Confirmation;
import io.hypervwsman.plan.GroupCheck;
import io.hypervwsman.plan.Journal;
import io.hypervwsman.plan.LocalCommand;
import io.hypervwsman.plan.PlanFile;
import io.hypervwsman.plan.PlanResolution;
import io.hypervwsman.plan.PlanRun;
import io.hypervwsman.plan.PlannedGroup;
import io.hypervwsman.plan.PlannedVm;
import io.hypervwsman.plan.RunOrigin;
import io.hypervwsman.plan.StepResult;
import io.hypervwsman.plan.VmInventory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A plan wired to its hosts: the engine adapter, the inventory its selectors resolve against, the WS-Man checks
 * of its steps. What {@code plan check/run/resume} share, and what tests drive directly.
 */
final class PlanSession implements AutoCloseable {
    final PlanFile file;
    final PlanHosts hosts;
    final EngineVmAction action;
    private final Clock clock;
    private final Sleeper sleeper;

    private final Map<String, HostListing> listings = new ConcurrentHashMap<>();

    PlanSession(PlanFile file, Function<String, HyperVHost> opener, Duration timeout, Clock clock, Sleeper sleeper) {
        this.file = file;
        this.hosts = new PlanHosts(opener);
        this.action = new EngineVmAction(hosts, this::listing, List.copyOf(file.plan().hosts().keySet()), timeout,
                clock, sleeper);
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * The host as this session first read it, for resolving and checking the plan and for what does not change
     * while it runs (which host is a VM's primary); read once per host, however many of its VMs ask.
     */
    HostListing listing(String host) {
        return listings.computeIfAbsent(host, h -> HostListing.read(hosts.host(h).vms()));
    }

    /** Lists a host's VMs for the plan's selectors; test-failover VMs are not plan members. */
    VmInventory inventory() {
        return host -> listing(host).vms().stream()
                .filter(v -> v.replicationMode() != ReplicationMode.TEST_REPLICA)
                .map(v -> new VmInventory.VmIdentity(v.id(), v.name())).toList();
    }

    List<PlannedGroup> resolve() throws InterruptedException {
        return PlanResolution.resolve(file.plan(), inventory());
    }

    /** The plan's run over {@code journal}. */
    PlanRun run(List<PlannedGroup> groups, Journal journal, Confirmation confirmation) {
        return new PlanRun(file, groups, new PlanRun.Services(action, groupCheck(), confirmation, new LocalCommand()),
                journal, clock, RunOrigin.current());
    }

    /**
     * A group's WS-Man check, asked once of every VM of the group: each host is read afresh when the step runs (the
     * group's actions have changed it), once for all of its VMs. The heartbeat check waits for each VM's heartbeat
     * until the step's timeout, which all the group's VMs share.
     */
    GroupCheck groupCheck() {
        return (CheckStep step, List<PlannedVm> vms) -> {
            Map<String, HostListing> now = new HashMap<>();
            List<String> failing = new ArrayList<>();
            Instant deadline = clock.instant().plus(step.timeout());
            for (PlannedVm vm : vms) {
                HostListing listing = now.computeIfAbsent(vm.host(), h -> HostListing.read(hosts.host(h).vms()));
                String why = step.check() == CheckKind.HEARTBEAT ? heartbeatFailing(vm, listing, deadline)
                        : failing(step.check(), vm, listing);
                if (why != null) {
                    failing.add(vm.name() + ": " + why);
                }
            }
            return failing.isEmpty() ? StepResult.ok(step.describe() + ": all " + vms.size() + " VMs")
                    : StepResult.failed(String.join("; ", failing));
        };
    }

    private static String failing(CheckKind kind, PlannedVm vm, HostListing host) {
        VirtualMachine v = host.vm(vm.vmId()).orElse(null);
        if (v == null) {
            return "not found on " + vm.host();
        }
        return switch (kind) {
            case RUNNING -> v.enabledState() == 2 ? null : "is " + v.powerState();
            case REPLICATION_HEALTHY -> host.primaryRelationship(v.id()).map(r -> r.health() == 1 ? null
                    : "replication health is " + r.healthName()).orElse("is not replicated");
            case HEARTBEAT -> throw new IllegalStateException("the heartbeat check waits: heartbeatFailing");
        };
    }

    /** Why {@code vm}'s heartbeat is not OK by {@code deadline}, or null when it is. */
    private String heartbeatFailing(PlannedVm vm, HostListing host, Instant deadline) throws InterruptedException {
        VirtualMachine v = host.vm(vm.vmId()).orElse(null);
        if (v == null) {
            return "not found on " + vm.host();
        }
        Duration left = Duration.between(clock.instant(), deadline);
        HeartbeatWait.Result r = new HeartbeatWait(hosts.host(vm.host()).vms(), clock, sleeper)
                .await(v, left.isNegative() ? Duration.ZERO : left);
        return r.ok() ? null : r.describe(left);
    }

    @Override
    public void close() {
        hosts.close();
    }
}
