package io.hypervwsman.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Groups run in order: a group's pre-steps, then its VMs, then its post-steps, before the next group starts. */
class PlanRunOrderTest {
    @TempDir
    Path dir;

    @Test
    void groupsStepsAndVmsRunInPlanOrder() throws Exception {
        Path envOut = dir.resolve("env.txt");
        PlanFixture f = new PlanFixture("""
                name: order
                hosts: {h1: {profile: h1}, h2: {profile: h2}}
                concurrency: {plan: 4, perHost: 4}
                groups:
                  - name: db
                    host: h1
                    action: test-failover
                    pre: [{manual: "VLAN isolated"}]
                    vms: ["db-*"]
                    post: [{check: heartbeat}]
                  - name: web
                    host: h2
                    action: test-failover
                    vms: [web-1, web-2]
                    post:
                      - run: [sh, -c, 'printf "%%s|%%s|%%s" "$HVW_PLAN_GROUP" "$HVW_PLAN_PHASE" "$HVW_PLAN_VMS" > "$0"', %s]
                """.formatted(envOut), List.of("db-1", "db-2", "db-3", "web-1", "web-2"));

        PlanResult result = f.execute(dir.resolve("j"));

        assertTrue(result.succeeded(), result.toString());
        List<String> ev = List.copyOf(f.action.events);
        int manual = ev.indexOf("manual:db");
        int check = ev.indexOf("check:db");
        int lastDb = List.of("vm:db-1", "vm:db-2", "vm:db-3").stream().mapToInt(ev::indexOf).max().orElseThrow();
        int firstDb = List.of("vm:db-1", "vm:db-2", "vm:db-3").stream().mapToInt(ev::indexOf).min().orElseThrow();
        int firstWeb = Math.min(ev.indexOf("vm:web-1"), ev.indexOf("vm:web-2"));
        assertTrue(manual == 0 && manual < firstDb && lastDb < check && check < firstWeb, ev.toString());
        assertEquals(7, ev.size(), ev.toString());
        assertEquals("web|post|web-1,web-2", Files.readString(envOut));
        assertEquals(5, result.vms().size());
    }
}
