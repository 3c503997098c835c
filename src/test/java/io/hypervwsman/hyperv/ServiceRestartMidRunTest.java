package io.hypervwsman.hyperv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import io.hypervwsman.hyperv.replica.DecidedBy;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.Outcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import org.junit.jupiter.api.Test;

/**
 * The host's WinRM service restarts while a job is followed: every session is gone and connections are refused
 * for five seconds of the host's clock. The job polls are retried until the service is back; the Invoke is not.
 */
class ServiceRestartMidRunTest {
    private static final Duration OUTAGE = Duration.ofSeconds(5);

    @Test
    void aServiceRestartWhileTheJobIsFollowedCostsRetriedPollsAndNoSecondInvoke() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            AtomicReference<Instant> backAt = new AtomicReference<>();
            AtomicInteger waitsWhileDown = new AtomicInteger();
            int[] handshakesBefore = new int[1];
            HyperVHost host = f.host(d -> {
                if (backAt.get() == null) {
                    handshakesBefore[0] = f.sim.gateway().completedHandshakes();
                    f.sim.stopService();
                    backAt.set(f.clock.instant().plus(OUTAGE));
                } else if (f.clock.instant().isBefore(backAt.get())) {
                    waitsWhileDown.incrementAndGet();
                }
                f.clock.advance(d);
                if (!f.clock.instant().isBefore(backAt.get())) {
                    f.sim.startService();
                }
            });

            OperationOutcome o = ReplicaOperations.of(host).revertFailover(VmRef.of("web-frontend-01"), f.options());

            assertEquals(Outcome.SUCCEEDED, o.outcome(), o.message());
            assertEquals(DecidedBy.JOB, o.decidedBy(), "the job was followed to its end across the restart");
            assertEquals(1, f.sim.invocations("RevertFailover"), "the Invoke was sent once");
            assertTrue(handshakesBefore[0] >= 1, "a session existed before the restart");
            assertTrue(waitsWhileDown.get() >= 1, "at least one poll was refused and retried: " + waitsWhileDown);
            assertTrue(f.sim.gateway().completedHandshakes() >= 1, "the client authenticated again after the restart");
            assertEquals(3, f.sim.replicationState("web-frontend-01"), "Replicating");
        }
    }
}
