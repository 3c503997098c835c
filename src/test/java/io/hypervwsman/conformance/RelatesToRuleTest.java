package io.hypervwsman.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.wsman.ProtocolException;
import io.hypervwsman.wsman.SelectorSet;
import io.hypervwsman.wsman.WsManClient;
import io.hypervwsman.wsman.WsManFaultException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The a:RelatesTo rule on real captures: a SOAP fault without a:RelatesTo answers the request just sent (Windows
 * sends quota faults that way); a success reply without one, and any reply that relates to another message, is
 * refused.
 */
class RelatesToRuleTest {
    private static final String OS = "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/cimv2/Win32_OperatingSystem";
    private static final UUID OURS = UUID.fromString("11111111-2222-3333-4444-555555555555");

    private static WsManClient clientAnswering(int status, String reply) {
        return CapturedTransport.answering(status, reply, OURS);
    }

    @Test
    void aFaultWithoutRelatesToIsTheHostsAnswer() {
        String reply = CapturedTransport.read("winrb-wmi_error_v2.xml");
        assertFalse(reply.contains("RelatesTo"), "the capture has no a:RelatesTo");
        try (WsManClient client = clientAnswering(500, reply)) {
            WsManFaultException e = assertThrows(WsManFaultException.class,
                    () -> client.get(OS, SelectorSet.EMPTY));
            assertEquals(1, io.hypervwsman.cli.ExitCodes.of(e));
            assertEquals("QuotaLimit", e.fault().subcodeName());
        }
    }

    @Test
    void aSuccessReplyWithoutRelatesToIsRefused() {
        // The real GetResponse with its a:RelatesTo element taken out (the one edit in this test).
        String reply = CapturedTransport.read("runnermei-get-win32-operatingsystem.xml")
                .replaceAll("<a:RelatesTo>[^<]*</a:RelatesTo>", "");
        try (WsManClient client = clientAnswering(200, reply)) {
            ProtocolException e = assertThrows(ProtocolException.class, () -> client.get(OS, SelectorSet.EMPTY));
            assertEquals(4, io.hypervwsman.cli.ExitCodes.of(e));
            assertTrue(e.getMessage().contains("no a:RelatesTo"), e.getMessage());
        }
    }

    @Test
    void aFaultRelatedToAnotherMessageIsRefused() {
        String reply = CapturedTransport.read("pypsrp-psrp-is-alive-invalid-selectors-4-response.xml");
        try (WsManClient client = clientAnswering(500, reply)) {
            ProtocolException e = assertThrows(ProtocolException.class, () -> client.get(OS, SelectorSet.EMPTY));
            assertEquals(4, io.hypervwsman.cli.ExitCodes.of(e));
            assertTrue(e.getMessage().contains("uuid:877294B2-0B63-493A-9A91-DD6A4D68B0B3"), e.getMessage());
        }
    }

    @Test
    void aSuccessReplyRelatedToAnotherMessageIsRefused() {
        String reply = CapturedTransport.read("runnermei-get-win32-operatingsystem.xml");
        try (WsManClient client = clientAnswering(200, reply)) {
            ProtocolException e = assertThrows(ProtocolException.class, () -> client.get(OS, SelectorSet.EMPTY));
            assertTrue(e.getMessage().contains("uuid:33CB26B4-2992-4DF9-BE76-13A06F311DA1"), e.getMessage());
        }
    }

    @Test
    void aRelatesToInLowerCaseNamesTheSameUuid() {
        // masterzen/winrm's client wrote its MessageID in lower case and Windows echoed it so.
        String reply = CapturedTransport.read("masterzen-command-fault-provider-text.xml");
        assertTrue(reply.contains("<a:RelatesTo>uuid:23d79ab4-f145-4ac5-baa3-084d67265a24</a:RelatesTo>"));
        CapturedTransport transport = new CapturedTransport("masterzen-command-fault-provider-text.xml");
        try (WsManClient client = transport.client()) {
            WsManFaultException e = assertThrows(WsManFaultException.class, () -> client.get(OS, SelectorSet.EMPTY));
            assertTrue(transport.requests().get(0).contains("uuid:23D79AB4-F145-4AC5-BAA3-084D67265A24"));
            assertEquals(2147942606L, e.fault().wsmanCode());
        }
    }
}
