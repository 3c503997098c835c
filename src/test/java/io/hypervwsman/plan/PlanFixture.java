package io.hypervwsman.plan;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A plan read from YAML text, its VMs resolved against an inventory where VM "x" has the GUID derived from its name. */
final class PlanFixture {
    final PlanFile file;
    final List<PlannedGroup> groups;
    final FakeVmAction action = new FakeVmAction();
    final List<String> confirmations = Collections.synchronizedList(new ArrayList<>());
    volatile boolean confirm = true;

    PlanFixture(String yaml, List<String> vmNames) throws InterruptedException {
        this.file = PlanFile.parse("plan.yaml", yaml);
        List<VmInventory.VmIdentity> vms = vmNames.stream()
                .map(n -> new VmInventory.VmIdentity(guidOf(n), n)).toList();
        this.groups = PlanResolution.resolve(file.plan(), host -> vms);
    }

    static String guidOf(String name) {
        return String.format("00000000-0000-0000-0000-%012X", Math.abs((long) name.hashCode()));
    }

    PlanRun.Services services() {
        GroupCheck checks = (step, vms) -> {
            action.events.add("check:" + vms.get(0).group());
            return StepResult.ok("all " + vms.size() + " OK");
        };
        Confirmation confirmation = (group, instruction) -> {
            action.events.add("manual:" + group);
            confirmations.add(instruction);
            return confirm;
        };
        return new PlanRun.Services(action, checks, confirmation, new LocalCommand());
    }

    PlanRun run(Journal journal) {
        return new PlanRun(file, groups, services(), journal, steppingClock(), new RunOrigin("drill-operator", "ops-laptop"));
    }

    /** Runs the plan from the start with its journal at {@code journalPath}, closing the journal after. */
    PlanResult execute(Path journalPath) throws InterruptedException {
        try (Journal j = Journal.open(journalPath)) {
            return run(j).execute();
        }
    }

    /** Resumes the run journalled at {@code journalPath}, closing the journal after. */
    PlanResult resume(Path journalPath) throws InterruptedException {
        try (Journal j = Journal.open(journalPath)) {
            return run(j).resume();
        }
    }

    /** A clock that moves one second per reading, so every journal record has its own time. */
    static Clock steppingClock() {
        AtomicLong t = new AtomicLong(Instant.parse("2026-11-30T17:00:00Z").getEpochSecond());
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochSecond(t.getAndIncrement());
            }
        };
    }
}
