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
 * The a:RelatesTo rule on replies in the shapes Windows sends (test-fixtures/windows-shapes): a SOAP fault without
 * a:RelatesTo answers the request just sent (Windows sends quota faults that way); a success reply without one, and
 * any reply that relates to another message, is refused.
 */
class RelatesToRuleTest {
    private static final String OS = "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/cimv2/Win32_OperatingSystem";
    private static final UUID OURS = UUID.fromString("11111111-2222-3333-4444-555555555555");

    private static WsManClient clientAnswering(int status, String reply) {
        return ShapeTransport.answering(status, reply, OURS);
    }

    @Test
    void aFaultWithoutRelatesToIsTheHostsAnswer() {
        String reply = ShapeTransport.read("fault-quota-msft-wmierror-no-relatesto.xml");
        assertFalse(reply.contains("RelatesTo"), "the file has no a:RelatesTo, as Windows sends it");
        try (WsManClient client = clientAnswering(500, reply)) {
            WsManFaultException e = assertThrows(WsManFaultException.class,
                    () -> client.get(OS, SelectorSet.EMPTY));
            assertEquals(1, io.hypervwsman.cli.ExitCodes.of(e));
            assertEquals("QuotaLimit", e.fault().subcodeName());
        }
    }

    @Test
    void aSuccessReplyWithoutRelatesToIsRefused() {
        // A GetResponse with its a:RelatesTo element taken out (the one edit in this test).
        String reply = ShapeTransport.read("wmi-get-win32-operatingsystem-zh-CN.xml")
                .replaceAll("<a:RelatesTo>[^<]*</a:RelatesTo>", "");
        try (WsManClient client = clientAnswering(200, reply)) {
            ProtocolException e = assertThrows(ProtocolException.class, () -> client.get(OS, SelectorSet.EMPTY));
            assertEquals(4, io.hypervwsman.cli.ExitCodes.of(e));
            assertTrue(e.getMessage().contains("no a:RelatesTo"), e.getMessage());
        }
    }

    @Test
    void aFaultRelatedToAnotherMessageIsRefused() {
        String reply = ShapeTransport.read("fault-invalid-selectors-shell-provider.xml");
        try (WsManClient client = clientAnswering(500, reply)) {
            ProtocolException e = assertThrows(ProtocolException.class, () -> client.get(OS, SelectorSet.EMPTY));
            assertEquals(4, io.hypervwsman.cli.ExitCodes.of(e));
            assertTrue(e.getMessage().contains("uuid:55E36359-3B3D-4070-84AB-EED20AD78D25"), e.getMessage());
        }
    }

    @Test
    void aSuccessReplyRelatedToAnotherMessageIsRefused() {
        String reply = ShapeTransport.read("wmi-get-win32-operatingsystem-zh-CN.xml");
        try (WsManClient client = clientAnswering(200, reply)) {
            ProtocolException e = assertThrows(ProtocolException.class, () -> client.get(OS, SelectorSet.EMPTY));
            assertTrue(e.getMessage().contains("uuid:8C33D89C-8B66-46ED-834C-9F1EA8453E28"), e.getMessage());
        }
    }

    @Test
    void aRelatesToInLowerCaseNamesTheSameUuid() {
        // Windows echoes a client's lower-case MessageID as it was written (seen in masterzen/winrm's capture).
        String reply = ShapeTransport.read("fault-lowercase-relatesto-empty-lang.xml");
        assertTrue(reply.contains("<a:RelatesTo>uuid:35ed68c7-fb50-49a2-a9c9-2ea439f91ed3</a:RelatesTo>"));
        ShapeTransport transport = new ShapeTransport("fault-lowercase-relatesto-empty-lang.xml");
        try (WsManClient client = transport.client()) {
            WsManFaultException e = assertThrows(WsManFaultException.class, () -> client.get(OS, SelectorSet.EMPTY));
            assertTrue(transport.requests().get(0).contains("uuid:35ED68C7-FB50-49A2-A9C9-2EA439F91ED3"));
            assertEquals(2147942405L, e.fault().wsmanCode());
        }
    }
}
