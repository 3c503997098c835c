package io.hypervwsman.hyperv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.sim.HostFault;
import io.hypervwsman.transport.AuthMode;
import io.hypervwsman.transport.ConnectionOptions;
import io.hypervwsman.transport.Credentials;
import io.hypervwsman.wsman.WsManClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.Outcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import org.junit.jupiter.api.Test;

/**
 * A long run over four NTLM connections while the host keeps dropping its sessions (as after its idle timeout):
 * readers on three threads and a chain of failovers and reverts on a fourth. Every dropped session is
 * re-established (the host's 401 proves the request was not carried out), and every Invoke reaches the host once.
 */
class IdleSessionsDroppedMidRunTest {
    private static final String VM = "web-frontend-01";
    private static final int CYCLES = 8;

    @Test
    void droppedSessionsAreReestablishedAndNoInvokeIsSentTwice() throws Exception {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            ConnectionOptions o = ConnectionOptions.builder(f.sim.endpoint()).maxConnections(4)
                    .auth(AuthMode.NTLM, new Credentials(SimulatedHostFixture.USER,
                            SimulatedHostFixture.PASSWORD.toCharArray())).build();
            AtomicBoolean done = new AtomicBoolean();
            ExecutorService readers = Executors.newFixedThreadPool(3);
            try (HyperVHost host = HyperVHost.builder().client(WsManClient.connect(o), "HV01").clock(f.clock)
                    .sleeper(d -> {
                        f.sim.faults().once(HostFault.FORGET_SESSIONS);
                        f.clock.advance(d);
                    }).build()) {
                List<Future<Integer>> reads = new ArrayList<>();
                for (int t = 0; t < 3; t++) {
                    reads.add(readers.submit(() -> {
                        int n = 0;
                        while (!done.get() || n == 0) {
                            assertTrue(host.vms().list().stream().anyMatch(v -> v.name().equals(VM)));
                            n++;
                        }
                        return n;
                    }));
                }
                f.sim.faults().once(HostFault.FORGET_SESSIONS, "RevertFailover");
                assertEquals(Outcome.SUCCEEDED, ReplicaOperations.of(host).revertFailover(VmRef.of(VM), f.options()).outcome());
                for (int i = 0; i < CYCLES; i++) {
                    f.sim.faults().once(HostFault.FORGET_SESSIONS, "InitiateFailover");
                    OperationOutcome failover = ReplicaOperations.of(host).initiateFailover(VmRef.of(VM), f.options());
                    assertEquals(Outcome.SUCCEEDED, failover.outcome(), failover.message());
                    f.sim.faults().once(HostFault.FORGET_SESSIONS, "RevertFailover");
                    OperationOutcome revert = ReplicaOperations.of(host).revertFailover(VmRef.of(VM), f.options());
                    assertEquals(Outcome.SUCCEEDED, revert.outcome(), revert.message());
                }
                done.set(true);
                int readCount = 0;
                for (Future<Integer> r : reads) {
                    readCount += r.get(60, TimeUnit.SECONDS);
                }
                assertTrue(readCount >= 3, "the readers ran: " + readCount);
            } finally {
                readers.shutdownNow();
            }
            assertEquals(CYCLES + 1, f.sim.invocations("RevertFailover"), "each revert reached the host once");
            assertEquals(CYCLES, f.sim.invocations("InitiateFailover"), "each failover reached the host once");
            assertTrue(f.sim.gateway().completedHandshakes() > 4,
                    "sessions were re-established: " + f.sim.gateway().completedHandshakes() + " handshakes");
        }
    }
}
