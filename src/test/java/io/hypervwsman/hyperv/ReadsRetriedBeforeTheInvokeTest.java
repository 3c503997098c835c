package io.hypervwsman.hyperv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hypervwsman.hyperv.replica.DecidedBy;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.Outcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import io.hypervwsman.sim.HostFault;
import io.hypervwsman.transport.ConnectionException;
import io.hypervwsman.transport.HostNotReachedException;
import io.hypervwsman.transport.ServiceUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The reads before the Invoke (the VM lookup, the relationship, what the Invoke needs) are tried again after a
 * service restart, a 503 or a reset, with a bounded backoff on the injected sleeper; the Invoke itself never is.
 */
class ReadsRetriedBeforeTheInvokeTest {
    private static final String VM = "web-frontend-01";
    private static final String METHOD = "RevertFailover";

    /** The waits the operation made before its Invoke reached the host. */
    private static final class Waits {
        final List<Duration> beforeInvoke = new ArrayList<>();
    }

    @Test
    void aServiceRestartDuringTheVmLookupCostsRetriesAndTheOperationSucceedsWithOneInvoke() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            Waits waits = new Waits();
            HyperVHost host = f.host(d -> {
                if (f.sim.invocations(METHOD) == 0) {
                    waits.beforeInvoke.add(d);
                    if (waits.beforeInvoke.size() == 2) {
                        f.sim.startService();
                    }
                }
                f.clock.advance(d);
            });
            ReplicaOperations replica = ReplicaOperations.of(host);
            host.vms().list(); // a kept-alive, authenticated connection that the restart will cut
            f.sim.stopService();

            OperationOutcome o = replica.revertFailover(VmRef.of(VM), f.options());

            assertEquals(Outcome.SUCCEEDED, o.outcome(), o.message());
            assertEquals(DecidedBy.JOB, o.decidedBy(), o.message());
            assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(1)), waits.beforeInvoke,
                    "two refused lookups, retried after a doubling wait");
            assertEquals(1, f.sim.invocations(METHOD), "exactly one Invoke");
            assertEquals(3, f.sim.replicationState(VM), "Replicating");
        }
    }

    @ParameterizedTest
    @EnumSource(value = HostFault.class, names = {"SERVICE_UNAVAILABLE", "RESET_BEFORE_READ", "TAMPERED_SIGNATURE"})
    void aTransientFailureOfTheLookupIsRetried(HostFault fault) {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            Waits waits = new Waits();
            HyperVHost host = f.host(d -> {
                if (f.sim.invocations(METHOD) == 0) {
                    waits.beforeInvoke.add(d);
                }
                f.clock.advance(d);
            });
            f.sim.faults().arm(fault, "Enumerate", 2);

            OperationOutcome o = ReplicaOperations.of(host).revertFailover(VmRef.of(VM), f.options());

            assertEquals(Outcome.SUCCEEDED, o.outcome(), o.message());
            assertEquals(2, waits.beforeInvoke.size(), "two failed reads, two waits: " + waits.beforeInvoke);
            assertEquals(0, f.sim.faults().pending(), "both armed faults were shown");
            assertEquals(1, f.sim.invocations(METHOD), "exactly one Invoke");
        }
    }

    @Test
    void theRetriesAreBoundedAndAHostThatStaysDownFailsTheOperationBeforeAnythingIsInvoked() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            Waits waits = new Waits();
            HyperVHost host = f.host(d -> {
                waits.beforeInvoke.add(d);
                f.clock.advance(d);
            });
            host.vms().list(); // the host has answered: a refused connection from now on may be a restart
            f.sim.stopService();

            assertThrows(ConnectionException.class,
                    () -> ReplicaOperations.of(host).revertFailover(VmRef.of(VM), f.options()));

            assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
                    Duration.ofSeconds(4), Duration.ofSeconds(8)), waits.beforeInvoke, "6 tries in all");
            f.sim.startService();
            assertEquals(0, f.sim.invocations(METHOD));
        }
    }

    @Test
    void aRefusedInvokeIsNeverSentAgain() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            HyperVHost host = f.host();
            f.sim.faults().arm(HostFault.SERVICE_UNAVAILABLE, METHOD, 2);

            assertThrows(ServiceUnavailableException.class,
                    () -> ReplicaOperations.of(host).revertFailover(VmRef.of(VM), f.options()));

            assertEquals(1, f.sim.faults().pending(), "one 503 is still armed: the Invoke was sent once");
            assertEquals(0, f.sim.invocations(METHOD), "the 503 came before the service");
        }
    }

    @Test
    void aHostThatHasNeverAnsweredAndRefusesTheConnectionFailsAtOnce() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            Waits waits = new Waits();
            HyperVHost host = f.host(d -> {
                waits.beforeInvoke.add(d);
                f.clock.advance(d);
            });
            f.sim.stopService();

            HostNotReachedException e = assertThrows(HostNotReachedException.class,
                    () -> ReplicaOperations.of(host).revertFailover(VmRef.of(VM), f.options()));

            assertEquals(List.of(), waits.beforeInvoke, "a wrong host or port is not retried: " + e.getMessage());
            f.sim.startService();
            assertEquals(0, f.sim.invocations(METHOD));
        }
    }
}
