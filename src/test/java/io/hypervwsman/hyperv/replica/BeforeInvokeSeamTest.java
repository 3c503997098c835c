package io.hypervwsman.hyperv.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hypervwsman.hyperv.JobProgressListener;
import io.hypervwsman.hyperv.JobReport;
import io.hypervwsman.hyperv.SimulatedHostFixture;
import io.hypervwsman.hyperv.VmRef;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine tells its listener before every Invoke and after the host answered it (what a recovery plan
 * journals); a listener that refuses in beforeInvoke keeps the Invoke from being sent.
 */
class BeforeInvokeSeamTest {

    @Test
    void listenerHearsOfTheInvokeBeforeItReachesTheHostAndOfItsJobAfter() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            List<String> heard = new ArrayList<>();
            JobProgressListener l = new JobProgressListener() {
                @Override
                public void update(JobReport report) {
                }

                @Override
                public void beforeInvoke(String method) {
                    heard.add("before " + method + " (host has seen " + f.sim.invocations(method) + ")");
                }

                @Override
                public void invoked(String method, String job) {
                    heard.add("answered " + method + " (host has seen " + f.sim.invocations(method) + ") job "
                            + (job != null && !job.isBlank()));
                    assertNotNull(f.sim.jobState(job));
                }
            };
            OperationOutcome o = f.replica().revertFailover(VmRef.of("web-frontend-01"), f.options().withListener(l));
            assertEquals(Outcome.SUCCEEDED, o.outcome(), o.message());
            assertEquals(List.of("before RevertFailover (host has seen 0)",
                    "answered RevertFailover (host has seen 1) job true"), heard);
        }
    }

    @Test
    void aRefusalInBeforeInvokeSendsNothing() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            JobProgressListener refusing = new JobProgressListener() {
                @Override
                public void update(JobReport report) {
                }

                @Override
                public void beforeInvoke(String method) {
                    throw new IllegalStateException("journal full");
                }
            };
            assertThrows(IllegalStateException.class, () -> f.replica().revertFailover(VmRef.of("web-frontend-01"),
                    f.options().withListener(refusing)));
            assertEquals(0, f.sim.invocations("RevertFailover"));
        }
    }
}
