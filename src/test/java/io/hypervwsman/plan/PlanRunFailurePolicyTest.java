package io.hypervwsman.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each failure policy, with VMs run one at a time so that "after the failure" is well defined. */
class PlanRunFailurePolicyTest {
    @TempDir
    Path dir;

    private PlanFixture fixture(String policy, String failing) throws InterruptedException {
        PlanFixture f = new PlanFixture("""
                name: policy
                hosts: {h: {profile: h}}
                concurrency: {plan: 1, perHost: 1}
                onFailure: %s
                groups:
                  - name: g1
                    host: h
                    action: planned-failover
                    vms: [a, b, c]
                    post: [{check: running}]
                  - name: g2
                    host: h
                    action: planned-failover
                    vms: [d]
                """.formatted(policy), List.of("a", "b", "c", "d"));
        f.action.failing.add(failing);
        return f;
    }

    private static Map<String, VmOutcome> outcomes(PlanFixture f, PlanResult r) {
        return f.groups.stream().flatMap(g -> g.vms().stream())
                .collect(Collectors.toMap(PlannedVm::name, vm -> r.vms().get(vm.key()).outcome()));
    }

    @Test
    void stopStartsNothingAfterTheFailure() throws Exception {
        PlanFixture f = fixture("stop", "b");
        PlanResult r = f.execute(dir.resolve("j"));
        assertEquals(Map.of("a", VmOutcome.SUCCEEDED, "b", VmOutcome.FAILED, "c", VmOutcome.NOT_RUN,
                "d", VmOutcome.NOT_RUN), outcomes(f, r));
        assertTrue(r.stopped());
        assertEquals(List.of("vm:a", "vm:b"), f.action.events, "no post-step, no later group");
        assertTrue(r.vms().values().stream().anyMatch(v -> v.message() != null && v.message().contains("not in a valid state")));
    }

    @Test
    void skipGroupAbandonsTheRestOfTheGroupAndGoesOn() throws Exception {
        PlanFixture f = fixture("skip-group", "b");
        PlanResult r = f.execute(dir.resolve("j"));
        assertEquals(Map.of("a", VmOutcome.SUCCEEDED, "b", VmOutcome.FAILED, "c", VmOutcome.NOT_RUN,
                "d", VmOutcome.SUCCEEDED), outcomes(f, r));
        assertFalse(r.stopped());
        assertFalse(r.succeeded());
        assertEquals(List.of("vm:a", "vm:b", "vm:d"), f.action.events);
    }

    @Test
    void continueRunsEverythingAndReportsTheFailure() throws Exception {
        PlanFixture f = fixture("continue", "b");
        PlanResult r = f.execute(dir.resolve("j"));
        assertEquals(Map.of("a", VmOutcome.SUCCEEDED, "b", VmOutcome.FAILED, "c", VmOutcome.SUCCEEDED,
                "d", VmOutcome.SUCCEEDED), outcomes(f, r));
        assertEquals(List.of("vm:a", "vm:b", "vm:c", "check:g1", "vm:d"), f.action.events);
        assertFalse(r.succeeded());
    }

    @Test
    void aFailedPreStepUnderStopInvokesNothing() throws Exception {
        PlanFixture f = new PlanFixture("""
                name: pre
                hosts: {h: {profile: h}}
                groups:
                  - name: g1
                    host: h
                    action: unplanned-failover
                    pre: [{run: [sh, -c, "echo replica storage offline; exit 3"]}]
                    vms: [a]
                """, List.of("a"));
        PlanResult r = f.execute(dir.resolve("j"));
        assertTrue(r.stopped());
        assertEquals(List.of(), f.action.events);
        assertEquals(0, f.action.received.size());
        assertTrue(r.stepFailures().get(0).contains("exited with 3: replica storage offline"), r.stepFailures().toString());
    }
}
