package io.hypervwsman.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two hundred encrypted sessions at once, each on its own connection with its own NTLM handshake. */
class ConcurrentSessionsTest {
    private static final int SESSIONS = 200;
    private static final int GETS = 5;
    private static final char[] PASSWORD = "Sim-Pa55word!".toCharArray();

    @Test
    void twoHundredConcurrentSessionsAllSucceed() throws Exception {
        ManualClock clock = new ManualClock(SoapExchange.START);
        ExecutorService pool = Executors.newFixedThreadPool(SESSIONS);
        try (SimulatedHost host = SimulatedHost.start(Scenario.fromResource("default"), "LAB\\operator", PASSWORD, clock)) {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> sessions = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                sessions.add(pool.submit(() -> {
                    go.await();
                    int ok = 0;
                    try (NtlmHttpSession s = NtlmHttpSession.open(host.endpoint(), "LAB", "operator", PASSWORD)) {
                        for (int g = 0; g < GETS; g++) {
                            SoapExchange.Answer a = s.send(SoapExchange.getVm(SoapExchange.WEB01));
                            if (a.status() == 200 && "web-frontend-01".equals(a.text("ElementName"))) {
                                ok++;
                            }
                        }
                    }
                    return ok;
                }));
            }
            go.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            int total = 0;
            for (Future<Integer> f : sessions) {
                total += f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            assertEquals(SESSIONS * GETS, total);
            assertEquals(SESSIONS, host.gateway().completedHandshakes());
        } finally {
            pool.shutdownNow();
        }
    }
}
