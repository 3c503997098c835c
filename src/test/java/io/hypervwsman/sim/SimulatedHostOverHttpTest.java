package io.hypervwsman.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hypervwsman.hyperv.ReplicationState;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulated host over HTTP: NTLM per connection, sealed SOAP, and a connection dropped after the work. */
class SimulatedHostOverHttpTest {
    private static final char[] PASSWORD = "Sim-Pa55word!".toCharArray();

    @Test
    void anEncryptedSessionGetsAVmAndRevertsItsFailover() throws IOException {
        ManualClock clock = new ManualClock(SoapExchange.START);
        try (SimulatedHost host = SimulatedHost.start(Scenario.fromResource("default"), "LAB\\operator", PASSWORD, clock);
             NtlmHttpSession session = NtlmHttpSession.open(host.endpoint(), "LAB", "operator", PASSWORD)) {
            assertEquals("127.0.0.1", host.endpoint().getHost());
            SoapExchange.Answer vm = session.send(SoapExchange.getVm(SoapExchange.WEB01));
            assertEquals(200, vm.status());
            assertEquals("web-frontend-01", vm.text("ElementName"));

            SoapExchange.Answer revert = session.send(SoapExchange.serviceMethod("HV01", "RevertFailover",
                    SoapExchange.WEB01));
            assertEquals("4096", revert.text("ReturnValue"));
            clock.advance(Duration.ofSeconds(5));
            assertEquals(7, host.jobState(SoapExchange.jobId(revert)).orElseThrow());
            assertEquals(ReplicationState.REPLICATING.value(), host.replicationState("web-frontend-01"));
            assertEquals(1, host.invocations("RevertFailover"));
            assertEquals(1, host.gateway().completedHandshakes());
        }
    }

    @Test
    void aWrongPasswordNeverReachesTheBackend() {
        ManualClock clock = new ManualClock(SoapExchange.START);
        try (SimulatedHost host = SimulatedHost.start(Scenario.fromResource("default"), "LAB\\operator", PASSWORD, clock)) {
            assertThrows(IOException.class,
                    () -> NtlmHttpSession.open(host.endpoint(), "LAB", "operator", "wrong".toCharArray()));
            assertEquals(0, host.gateway().completedHandshakes());
        }
    }

    @Test
    void dropAfterProcessingDoesTheWorkThenClosesTheConnectionWithoutAReply() throws IOException {
        ManualClock clock = new ManualClock(SoapExchange.START);
        try (SimulatedHost host = SimulatedHost.start(Scenario.fromResource("default"), "LAB\\operator", PASSWORD, clock);
             NtlmHttpSession session = NtlmHttpSession.open(host.endpoint(), "LAB", "operator", PASSWORD)) {
            host.faults().arm(HostFault.DROP_AFTER_PROCESSING, "RevertFailover", 1);

            assertThrows(IOException.class, () -> session.send(SoapExchange.serviceMethod("HV01", "RevertFailover",
                    SoapExchange.WEB01)));
            assertEquals(1, host.invocations("RevertFailover"));
            clock.advance(Duration.ofSeconds(5));
            assertEquals(ReplicationState.REPLICATING.value(), host.replicationState("web-frontend-01"), "the revert ran although no reply came");
        }
    }

    @Test
    void quotaOnInvokeIsWindowsQuotaFaultWithoutRelatesToAndTheMethodDoesNotRun() throws IOException {
        ManualClock clock = new ManualClock(SoapExchange.START);
        try (SimulatedHost host = SimulatedHost.start(Scenario.fromResource("quota-on-invoke"), "LAB\\operator",
                PASSWORD, clock);
             NtlmHttpSession session = NtlmHttpSession.open(host.endpoint(), "LAB", "operator", PASSWORD)) {
            SoapExchange.Answer quota = session.send(SoapExchange.serviceMethod("HV01", "RevertFailover",
                    SoapExchange.WEB01));
            assertEquals(500, quota.status());
            assertEquals("w:QuotaLimit", quota.subcode());
            assertEquals("2150859174", quota.text("error_Code"), "an MSFT_WmiError in s:Detail");
            assertEquals(List.of(), quota.texts("RelatesTo"), "no a:RelatesTo, as Windows sends quota faults");
            assertEquals(List.of(), quota.texts("WSManFault"));
            clock.advance(Duration.ofMinutes(1));
            assertEquals(ReplicationState.RECOVERED.value(), host.replicationState("web-frontend-01"));

            assertEquals("4096", session.send(SoapExchange.serviceMethod("HV01", "RevertFailover",
                    SoapExchange.WEB01)).text("ReturnValue"));
            assertEquals(2, host.invocations("RevertFailover"));
        }
    }
}
