package io.hypervwsman.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plan selectors against a host's VMs: names, GUIDs and patterns; options merged; nothing ambiguous. */
class PlanResolutionTest {
    private static final Map<String, List<VmInventory.VmIdentity>> HOSTS = Map.of(
            "h1", List.of(new VmInventory.VmIdentity("11111111-1111-1111-1111-111111111111", "SQL-01"),
                    new VmInventory.VmIdentity("22222222-2222-2222-2222-222222222222", "web-01"),
                    new VmInventory.VmIdentity("33333333-3333-3333-3333-333333333333", "web-02"),
                    new VmInventory.VmIdentity("44444444-4444-4444-4444-444444444444", "dup"),
                    new VmInventory.VmIdentity("55555555-5555-5555-5555-555555555555", "dup")));

    private static List<PlannedGroup> resolve(String vms) throws InterruptedException {
        Plan plan = PlanFile.parse("p", """
                name: p
                hosts: {h1: {profile: h1}}
                groups:
                  - name: g
                    host: h1
                    action: test-failover
                    options: {waitForHeartbeat: 5m, start: true}
                    vms: %s
                """.formatted(vms)).plan();
        return PlanResolution.resolve(plan, HOSTS::get);
    }

    @Test
    void namesGuidsAndPatternsSelectTheirVms() throws Exception {
        List<PlannedGroup> g = resolve("[sql-01, \"web-*\", \"{44444444-4444-4444-4444-444444444444}\"]");
        assertEquals(List.of("SQL-01", "web-01", "web-02", "dup"), g.get(0).vms().stream().map(PlannedVm::name).toList());
        assertEquals("h1/44444444-4444-4444-4444-444444444444", g.get(0).vms().get(3).key());
    }

    @Test
    void aVmsOwnOptionsOverrideItsGroupsFieldByField() throws Exception {
        PlannedVm vm = resolve("[{vm: web-01, options: {start: false}}]").get(0).vms().get(0);
        assertEquals(false, vm.options().startAfterFailover());
        assertEquals(Duration.ofMinutes(5), vm.options().waitForHeartbeat());
        assertEquals(PlanAction.TEST_FAILOVER, vm.action());
    }

    @Test
    void aSelectorThatNamesNothingIsRefused() {
        PlanException e = assertThrows(PlanException.class, () -> resolve("[\"app-*\"]"));
        assertTrue(e.getMessage().contains("'app-*' on h1 names no VM"), e.getMessage());
    }

    @Test
    void aNameThatSeveralVmsShareIsRefused() {
        PlanException e = assertThrows(PlanException.class, () -> resolve("[dup]"));
        assertTrue(e.getMessage().contains("names 2 VMs; use their GUIDs"), e.getMessage());
    }

    @Test
    void aVmSelectedTwiceIsRefused() {
        PlanException e = assertThrows(PlanException.class, () -> resolve("[web-01, \"web-*\"]"));
        assertTrue(e.getMessage().contains("selects web-01 again"), e.getMessage());
    }
}
