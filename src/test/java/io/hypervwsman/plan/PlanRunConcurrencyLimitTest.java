package io.hypervwsman.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * VMs of a group run in parallel up to the plan-wide limit and the per-host limit, and no further: each VM is
 * held until the test has seen the limit reached, then released one at a time.
 */
class PlanRunConcurrencyLimitTest {
    @TempDir
    Path dir;

    @Test
    void planWideLimitIsReachedAndNeverExceeded() throws Exception {
        // 12 VMs over 4 hosts, 3 per host; plan limit 3, per-host limit high: the plan limit binds
        String yaml = plan(3, 10, 4);
        assertHeldAtLimit(yaml, 12, 3, 10);
    }

    @Test
    void perHostLimitIsReachedAndNeverExceeded() throws Exception {
        // 12 VMs on one host; per-host limit 2, plan limit 8: the host limit binds
        String yaml = plan(8, 2, 1);
        assertHeldAtLimit(yaml, 12, 2, 2);
    }

    private void assertHeldAtLimit(String yaml, int vms, int limit, int perHostLimit) throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < vms; i++) {
            names.add("vm-" + i);
        }
        PlanFixture f = new PlanFixture(yaml, names);
        Semaphore gate = f.action.holdEachVm();
        Journal journal = Journal.open(dir.resolve("j"));
        PlanRun run = f.run(journal);
        CompletableFuture<PlanResult> result = CompletableFuture.supplyAsync(() -> {
            try {
                return run.execute();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(f.action.started.tryAcquire(limit, 30, TimeUnit.SECONDS), "VMs did not start up to the limit");
        for (int i = 0; i < vms; i++) {
            gate.release();
            if (i + limit < vms) {
                assertTrue(f.action.started.tryAcquire(1, 30, TimeUnit.SECONDS), "no VM took the freed place");
            }
        }
        PlanResult r = result.get(60, TimeUnit.SECONDS);
        journal.close();
        assertTrue(r.succeeded(), r.toString());
        assertEquals(limit, f.action.maxInFlight.get(), "most VMs in flight at once");
        assertTrue(f.action.maxInFlightPerHost.get() <= perHostLimit, "most on one host " + f.action.maxInFlightPerHost);
        assertEquals(vms, f.action.events.size());
    }

    private static String plan(int planLimit, int perHost, int hosts) {
        StringBuilder y = new StringBuilder("name: limits\nhosts:\n");
        for (int h = 1; h <= hosts; h++) {
            y.append("  h").append(h).append(": {profile: h").append(h).append("}\n");
        }
        y.append("concurrency: {plan: ").append(planLimit).append(", perHost: ").append(perHost).append("}\n");
        y.append("groups:\n  - name: all\n    action: test-failover\n    host: h1\n    vms:\n");
        for (int i = 0; i < 12; i++) {
            y.append("      - {vm: vm-").append(i).append(", host: h").append(1 + i % hosts).append("}\n");
        }
        return y.toString();
    }
}
