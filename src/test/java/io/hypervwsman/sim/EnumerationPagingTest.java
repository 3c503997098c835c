package io.hypervwsman.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Optimized and plain enumerations paged through Pull, Release, invalid and expired contexts, EPR mode. */
class EnumerationPagingTest {
    private static final String ALL_VMS = "SELECT * FROM Msvm_ComputerSystem WHERE Caption = 'Virtual Machine'";
    private final SoapExchange host = new SoapExchange("default");

    @Test
    void anOptimizedEnumerateReturnsTheFirstItemsThenPullsPageTheRest() {
        SoapExchange.Answer first = host.ok(SoapExchange.wql(ALL_VMS, true, 3, null));
        List<String> names = new ArrayList<>(first.texts("ElementName"));
        assertEquals(3, names.size());
        assertFalse(first.has("EndOfSequence"));
        String context = first.text("EnumerationContext");

        int pulls = 0;
        while (true) {
            SoapExchange.Answer page = host.ok(SoapExchange.pull(context, 2));
            assertEquals(WsManUris.ENUMERATION, page.first("Items").getNamespaceURI());
            names.addAll(page.texts("ElementName"));
            pulls++;
            if (page.has("EndOfSequence")) {
                assertEquals(WsManUris.ENUMERATION, page.first("EndOfSequence").getNamespaceURI());
                assertFalse(page.has("EnumerationContext"));
                break;
            }
            String next = page.text("EnumerationContext");
            assertNotEquals(context, next);
            context = next;
        }
        assertEquals(3, pulls);
        assertEquals(9, names.size());
        assertEquals(0, host.backend.openEnumerations());
    }

    @Test
    void aPlainEnumerateReturnsOnlyAContext() {
        SoapExchange.Answer e = host.ok(SoapExchange.wql(ALL_VMS, false, 0, null));
        assertFalse(e.has("Items"));
        SoapExchange.Answer page = host.ok(SoapExchange.pull(e.text("EnumerationContext"), 20));
        assertEquals(9, page.all("Msvm_ComputerSystem").size());
        assertTrue(page.has("EndOfSequence"));
    }

    @Test
    void aReplacedOrReleasedContextIsInvalid() {
        String ctx = host.ok(SoapExchange.wql(ALL_VMS, false, 0, null)).text("EnumerationContext");
        String next = host.ok(SoapExchange.pull(ctx, 2)).text("EnumerationContext");

        SoapExchange.Answer stale = host.send(SoapExchange.pull(ctx, 2));
        assertEquals(500, stale.status());
        assertEquals("w:InvalidEnumerationContext", stale.subcode());
        assertEquals("2150858779", stale.faultCode());

        SoapExchange.Answer released = host.ok(SoapExchange.release(next));
        assertEquals(WsManUris.RELEASE + "Response", released.text("Action"));
        assertEquals(0, host.backend.openEnumerations());
        assertEquals("w:InvalidEnumerationContext", host.send(SoapExchange.pull(next, 2)).subcode());
    }

    @Test
    void aContextExpiresOnTheInjectedClock() {
        String ctx = host.ok(SoapExchange.wql(ALL_VMS, false, 0, null)).text("EnumerationContext");
        host.clock.advance(Duration.ofSeconds(119));
        String next = host.ok(SoapExchange.pull(ctx, 2)).text("EnumerationContext");
        host.clock.advance(Duration.ofMinutes(2));
        assertEquals("w:InvalidEnumerationContext", host.send(SoapExchange.pull(next, 2)).subcode());
    }

    @Test
    void eprModeReturnsEndpointReferences() {
        SoapExchange.Answer a = host.ok(SoapExchange.fixtureRequest("enumerate-epr.xml"));
        assertEquals(1, a.all("EndpointReference").size());
        assertFalse(a.has("Msvm_ReplicationService"));
        assertEquals(SoapExchange.SERVICE, a.text("ResourceURI"));
        assertEquals(List.of("Msvm_ReplicationService", "replicasvc", "Msvm_ComputerSystem", "HV01"),
                a.texts("Selector"));
    }

    @Test
    void eprItemsOfVmsCanBeGotBack() {
        SoapExchange.Answer a = host.ok(SoapExchange.wql(
                "SELECT * FROM Msvm_ComputerSystem WHERE ElementName = 'file-server'", true, 10, "EnumerateEPR"));
        List<String> selectors = a.texts("Selector");
        assertEquals(4, selectors.size());
        SoapExchange.Answer vm = host.ok(SoapExchange.getVm(selectors.get(1)));
        assertEquals("file-server", vm.text("ElementName"));
    }

    @Test
    void aSlowPullIsTimedOutAndThePullCanBeRepeated() {
        host.backend.faults().arm(HostFault.SLOW_REPLY, "Pull", 1);
        String ctx = host.ok(SoapExchange.wql(ALL_VMS, false, 0, null)).text("EnumerationContext");

        SoapExchange.Answer slow = host.send(SoapExchange.pull(ctx, 20));
        assertEquals(500, slow.status());
        assertEquals("w:TimedOut", slow.subcode());
        assertEquals("2150858793", slow.faultCode());
        assertEquals(9, host.ok(SoapExchange.pull(ctx, 20)).all("Msvm_ComputerSystem").size());
    }
}
