package io.hypervwsman.hyperv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.Outcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import io.hypervwsman.sim.ManualClock;
import io.hypervwsman.testing.SimulatedHyperVHost;
import io.hypervwsman.testing.WinRmEndpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@SimulatedHyperVHost(manualClock = true)
class PollScheduleTest {
    private final List<JobReport> progress = new ArrayList<>();

    /** Options whose listener records every progress report in {@link #progress}. */
    private OperationOptions options() {
        return OperationOptions.defaults().withListener(progress::add);
    }

    private static final Optional<Duration> UNKNOWN = Optional.empty();

    @Test
    void withoutAPredictionTheWaitsBackOffToTheBound() {
        PollSchedule s = PollPolicy.DEFAULT.schedule();
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            waits.add(s.next(UNKNOWN).toMillis());
        }
        assertEquals(List.of(100L, 150L, 225L, 338L, 507L, 761L, 1000L, 1000L), waits);
    }

    @Test
    void farFromThePredictedEndTheWaitIsLongerThanTheBackoffBound() {
        PollSchedule s = PollPolicy.DEFAULT.schedule();
        assertEquals(Duration.ofSeconds(2), s.next(Optional.of(Duration.ofSeconds(90))));
        assertEquals(Duration.ofMillis(1500), s.next(Optional.of(Duration.ofMillis(1500))));
    }

    @Test
    void atThePredictedEndPollsComeFastThenBackOffIfTheJobRunsOn() {
        PollSchedule s = PollPolicy.DEFAULT.schedule();
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            waits.add(s.next(Optional.of(Duration.ZERO)).toMillis());
        }
        assertEquals(List.of(200L, 300L, 450L, 675L, 1000L, 1000L), waits);
    }

    @Test
    void aPolicyWithoutPredictionIgnoresTheEstimate() {
        PollSchedule s = new PollPolicy(Duration.ofMillis(100), 1.5, Duration.ofSeconds(1)).schedule();
        assertEquals(100, s.next(Optional.of(Duration.ofSeconds(90))).toMillis());
        assertEquals(150, s.next(Optional.of(Duration.ZERO)).toMillis());
    }

    @Test
    void theEarliestEndAllowsForPercentCompleteBeingTruncated() {
        assertEquals(Optional.of(Duration.ofMillis(58_800)), PollSchedule.earliestEnd(Duration.ofSeconds(60), 50L));
        assertEquals(Optional.of(Duration.ZERO), PollSchedule.earliestEnd(Duration.ofSeconds(60), 99L));
        assertEquals(UNKNOWN, PollSchedule.earliestEnd(Duration.ofSeconds(60), 0L));
        assertEquals(UNKNOWN, PollSchedule.earliestEnd(Duration.ofSeconds(60), 100L));
        assertEquals(UNKNOWN, PollSchedule.earliestEnd(Duration.ofSeconds(60), null));
        assertEquals(UNKNOWN, PollSchedule.earliestEnd(null, 40L));
    }

    @Test
    void aLongJobIsPolledSparselyUntilItsPredictedEndAndDenselyAtIt(WinRmEndpoint endpoint, ManualClock clock) {
        List<Duration> waits = new ArrayList<>();
        try (HyperVHost host = HyperVHost.builder().connect(endpoint.connectionOptions()).name("HV01").clock(clock)
                .sleeper(d -> {
                    waits.add(d);
                    clock.advance(d);
                }).build()) {
            OperationOutcome o = ReplicaOperations.of(host).revertFailover(VmRef.of("web-frontend-01"), options());
            assertEquals(Outcome.SUCCEEDED, o.outcome());
            assertTrue(waits.contains(Duration.ofSeconds(2)), "waits " + waits);
            assertEquals(Duration.ofMillis(200), waits.get(waits.size() - 1), "waits " + waits);
        }
    }
}
