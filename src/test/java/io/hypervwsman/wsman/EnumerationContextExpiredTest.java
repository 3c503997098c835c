package io.hypervwsman.wsman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.cli.ExitCodes;
import io.hypervwsman.hyperv.SimulatedHostFixture;
import io.hypervwsman.transport.AuthMode;
import io.hypervwsman.transport.ConnectionOptions;
import io.hypervwsman.transport.Credentials;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The host drops an enumeration context while the client is still pulling: the walk ends in the host's fault
 * (w:InvalidEnumerationContext, exit code 1) instead of passing off the items read so far as the whole list.
 */
class EnumerationContextExpiredTest {

    @Test
    void aContextThatExpiredMidPullIsAFaultNotAShortList() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default");
             WsManClient client = WsManClient.connect(ConnectionOptions.builder(f.sim.endpoint())
                     .auth(AuthMode.NTLM, new Credentials(SimulatedHostFixture.USER,
                             SimulatedHostFixture.PASSWORD.toCharArray())).build())) {
            List<String> names = new ArrayList<>();
            WsManFaultException e;
            try (Enumeration<CimInstance> vms = client.enumerate(WsManNamespace.wmiNamespaceWildcard(
                    "root/virtualization/v2"), EnumerateOptions.wql("SELECT * FROM Msvm_ComputerSystem WHERE Caption"
                    + " = 'Virtual Machine'").maxElements(2))) {
                names.add(vms.next().string("ElementName").orElseThrow());
                names.add(vms.next().string("ElementName").orElseThrow());
                f.clock.advance(Duration.ofMinutes(10));
                e = assertThrows(WsManFaultException.class, vms::next);
                assertTrue(!vms.hasNext(), "the enumeration is over");
            }
            assertEquals("InvalidEnumerationContext", e.fault().subcodeName());
            assertEquals(2150858779L, e.fault().wsmanCode());
            assertEquals(1, ExitCodes.of(e));
            assertTrue(e.getMessage().startsWith("Pull * failed on the host: InvalidEnumerationContext"), e.getMessage());
            assertEquals(2, names.size());
            assertEquals(0, f.sim.backend().openEnumerations());
        }
    }
}
