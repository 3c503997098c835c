package io.hypervwsman.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A manual step pauses the plan until the operator confirms it; a "no" is a failed step. */
class PlanRunManualStepTest {
    @TempDir
    Path dir;

    private static final String PLAN = """
            name: manual
            hosts: {h: {profile: h}}
            onFailure: stop
            groups:
              - name: db
                host: h
                action: test-failover
                vms: [a]
                post: [{manual: "SQL answers on the drill network"}]
              - name: web
                host: h
                action: test-failover
                pre: [{manual: "Firewall rule for the drill opened"}]
                vms: [b]
            """;

    @Test
    void confirmedStepsLetThePlanGoOnInOrder() throws Exception {
        PlanFixture f = new PlanFixture(PLAN, List.of("a", "b"));
        PlanResult r = f.execute(dir.resolve("j"));
        assertTrue(r.succeeded());
        assertEquals(List.of("SQL answers on the drill network", "Firewall rule for the drill opened"), f.confirmations);
        assertEquals(List.of("vm:a", "manual:db", "manual:web", "vm:b"), f.action.events);
    }

    @Test
    void aDeclinedStepFailsAndTheFailurePolicyApplies() throws Exception {
        PlanFixture f = new PlanFixture(PLAN, List.of("a", "b"));
        f.confirm = false;
        PlanResult r = f.execute(dir.resolve("j"));
        assertTrue(r.stopped());
        assertEquals(List.of("vm:a", "manual:db"), f.action.events);
        assertEquals(List.of("db: manual: SQL answers on the drill network: not confirmed"), r.stepFailures());
    }
}
