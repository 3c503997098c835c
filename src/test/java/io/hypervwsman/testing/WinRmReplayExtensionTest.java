package io.hypervwsman.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.hyperv.HyperVHost;
import io.hypervwsman.hyperv.JobReport;
import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.VmRef;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.Outcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import io.hypervwsman.sim.ManualClock;
import io.hypervwsman.transport.AuthMode;
import io.hypervwsman.transport.ConnectionOptions;
import io.hypervwsman.transport.Credentials;
import io.hypervwsman.wsman.WsManClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code @WinRmReplay} on a class: the shipped recording test-fixtures/revert-ok served behind NTLM and encryption,
 * its endpoint injected, and the recording rewound before each test (each test sees the job from 0 % again).
 */
@WinRmReplay("test-fixtures/revert-ok")
class WinRmReplayExtensionTest {

    static OperationOutcome revert(WinRmEndpoint endpoint, List<JobReport> progress) {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-24T03:00:00Z"));
        try (HyperVHost host = HyperVHost.builder()
                .client(WsManClient.connect(endpoint.connectionOptions()), "replay").clock(clock).sleeper(clock::advance).build()) {
            return ReplicaOperations.of(host).revertFailover(VmRef.of("web-frontend-01"),
                    OperationOptions.defaults().withListener(progress::add));
        }
    }

    @Test
    void theRecordedRevertSucceeds(WinRmEndpoint endpoint) {
        List<JobReport> progress = new ArrayList<>();
        OperationOutcome o = revert(endpoint, progress);
        assertEquals(Outcome.SUCCEEDED, o.outcome(), o::message);
        assertEquals(4096L, o.returnValue());
        assertEquals("Running", progress.get(0).state(), "the job is replayed from its first poll");
        assertEquals("Completed", progress.get(progress.size() - 1).state());
    }

    @Test
    void eachTestStartsFromTheBeginningOfTheRecording(WinRmEndpoint endpoint) {
        List<JobReport> first = new ArrayList<>();
        List<JobReport> second = new ArrayList<>();
        assertEquals(Outcome.SUCCEEDED, revert(endpoint, first).outcome());
        // Within one test the job sequence is not rewound: the job is already complete on the second revert.
        assertEquals(Outcome.SUCCEEDED, revert(endpoint, second).outcome());
        assertEquals("Running", first.get(0).state());
        assertEquals("Completed", second.get(0).state());
    }

    @Test
    void theReplayedHostRequiresTheInjectedCredentials(WinRmEndpoint endpoint) {
        assertTrue(endpoint.uri().toString().startsWith("http://127.0.0.1:"), endpoint::toString);
        assertTrue(!endpoint.toString().contains(new String(endpoint.password())), "no password in toString");
        ConnectionOptions wrong = ConnectionOptions.builder(endpoint.uri())
                .auth(AuthMode.NTLM, new Credentials(endpoint.user(), "not-the-password".toCharArray())).build();
        assertThrows(io.hypervwsman.AuthenticationException.class, () -> revert(endpoint(wrong), new ArrayList<>()));
        assertNotEquals(0, endpoint.password().length);
    }

    @Test
    @WinRmReplay(value = "test-fixtures/revert-ok", user = "REPLAY\\ci")
    void aMethodLevelReplayHasItsOwnServerAndAccount(WinRmEndpoint endpoint) {
        assertEquals("REPLAY\\ci", endpoint.user());
        assertEquals(Outcome.SUCCEEDED, revert(endpoint, new ArrayList<>()).outcome());
    }

    private static WinRmEndpoint endpoint(ConnectionOptions options) {
        Credentials c = options.credentials().orElseThrow();
        return new WinRmEndpoint(options.endpoint(), c.user(), c.password());
    }
}
