package io.hypervwsman.wsman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.Hint;
import io.hypervwsman.cli.ExitCodes;
import io.hypervwsman.transport.ConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** HTTPS (5986): certificates verified by default, a CA file trusted on request, NTLM bound to the channel. */
class HttpsTest {
    private static final SelectorSet VM = SelectorSet.of("CreationClassName", "Msvm_ComputerSystem",
            "Name", GetInstanceTest.VM_ID);

    @Test
    void trustedViaCaFileWithNtlmChannelBindings() {
        try (FixtureHost host = new FixtureHost("get-computersystem", FixtureHost.Mode.NTLM_HTTPS);
             WsManClient client = host.client()) {
            assertTrue(host.endpoint().toString().startsWith("https://"));
            assertEquals("web-frontend-01", client.get(GetInstanceTest.CS, VM).string("ElementName").orElseThrow());
            assertEquals(1, host.gateway().completedHandshakes(),
                    "the host required MsvAvChannelBindings for its certificate and accepted ours");
        }
    }

    @Test
    void theJdkTrustStoreDoesNotTrustATestCaSoTheHandshakeFails() {
        try (FixtureHost host = new FixtureHost("get-computersystem", FixtureHost.Mode.NTLM_HTTPS);
             WsManClient client = WsManClient.connect(host.optionsBuilder().caFile(null).build())) {
            ConnectionException e = assertThrows(ConnectionException.class, () -> client.get(GetInstanceTest.CS, VM));
            assertEquals(4, ExitCodes.of(e));
            assertFalse(e.requestMayHaveBeenProcessed());
            assertTrue(e.getMessage().startsWith("TLS handshake with "), e.getMessage());
            assertEquals(Hint.Kind.TRUST_HOST_CA, e.hint().kind(), "the library says: trust the host's CA");
            assertEquals(0, host.gateway().requestCount());
        }
    }

    @ParameterizedTest
    @CsvSource({"expired", "wronghost", "untrusted"})
    void badCertificatesAreRefusedBeforeAnythingIsSent(String keystore) {
        try (FixtureHost host = new FixtureHost("get-computersystem", FixtureHost.Mode.NTLM_HTTPS, keystore);
             WsManClient client = host.client()) {
            ConnectionException e = assertThrows(ConnectionException.class, () -> client.get(GetInstanceTest.CS, VM));
            assertEquals(4, ExitCodes.of(e));
            assertTrue(e.getMessage().startsWith("TLS"), e.getMessage());
            assertEquals(0, host.gateway().requestCount());
        }
    }
}
