package io.hypervwsman.hyperv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.hyperv.replica.Outcome;
import io.hypervwsman.hyperv.replica.StartVm;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The guest heartbeat read over WS-Man from the simulated host (scenario power.json): none while a VM is off, No
 * Contact while a started guest boots (15 simulated seconds), then OK; the wait polls on simulated time.
 */
class HeartbeatWaitTest {

    private static HeartbeatWait waiting(SimulatedHostFixture f, HyperVHost h) {
        return new HeartbeatWait(h.vms(), f.clock, d -> f.clock.advance(d));
    }

    @Test
    void aVmRunningSinceTheStartAnswersAtOnce() throws Exception {
        try (SimulatedHostFixture f = new SimulatedHostFixture("power.json")) {
            HyperVHost h = f.host();
            VirtualMachine app = h.vms().resolve(VmRef.of("app-01"));
            assertEquals(List.of(2L, 2L), h.vms().heartbeat(app).operationalStatus());
            HeartbeatWait.Result r = waiting(f, h).await(app, Duration.ofMinutes(1));
            assertTrue(r.ok());
            assertEquals(1, r.reads());
            assertEquals(Duration.ZERO, r.waited());
        }
    }

    @Test
    void anOffVmHasNoHeartbeatAndTheWaitEndsAtItsTimeout() throws Exception {
        try (SimulatedHostFixture f = new SimulatedHostFixture("power.json")) {
            HyperVHost h = f.host();
            VirtualMachine off = h.vms().resolve(VmRef.of("off-01"));
            assertEquals(Heartbeat.NONE, h.vms().heartbeat(off));
            HeartbeatWait.Result r = waiting(f, h).await(off, Duration.ofSeconds(30));
            assertFalse(r.ok());
            assertEquals(Heartbeat.NONE, r.last());
            assertEquals(Duration.ofSeconds(30), r.waited());
            // reads at 0, 1, 2.5, 4.75, 8.125, 13.19, 20.78, 30 s (the last wait cut to the deadline)
            assertEquals(8, r.reads());
            assertEquals("no OK heartbeat within 30 s (last: no heartbeat (the VM is not running))",
                    r.describe(Duration.ofSeconds(30)));
        }
    }

    @Test
    void aStartedGuestHasNoContactUntilItHasBooted() throws Exception {
        try (SimulatedHostFixture f = new SimulatedHostFixture("power.json")) {
            HyperVHost h = f.host();
            assertEquals(Outcome.SUCCEEDED, f.replica().run(new StartVm(false), VmRef.of("off-01"), f.options())
                    .outcome());
            VirtualMachine started = h.vms().resolve(VmRef.of("off-01"));
            assertEquals(List.of(12L), h.vms().heartbeat(started).operationalStatus());

            HeartbeatWait.Result tooShort = waiting(f, h).await(started, Duration.ofSeconds(5));
            assertFalse(tooShort.ok());
            assertEquals("No Contact", tooShort.last().describe());

            HeartbeatWait.Result r = waiting(f, h).await(started, Duration.ofMinutes(2));
            assertTrue(r.ok(), r.last()::describe);
            assertTrue(r.waited().compareTo(Duration.ofSeconds(10)) >= 0, r.waited()::toString);
            assertTrue(r.waited().compareTo(Duration.ofSeconds(25)) <= 0, "no read later than one wait after OK: "
                    + r.waited());
        }
    }
}
