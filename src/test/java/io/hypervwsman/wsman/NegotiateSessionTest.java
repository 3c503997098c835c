package io.hypervwsman.wsman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.MessageIntegrityException;
import io.hypervwsman.cli.ExitCodes;
import io.hypervwsman.sim.HostFault;
import io.hypervwsman.transport.AuthMode;
import io.hypervwsman.transport.Credentials;
import io.hypervwsman.transport.HttpUnauthorizedException;
import org.junit.jupiter.api.Test;

/** NTLM sessions with message encryption: round trips, reuse, re-authentication and integrity failures. */
class NegotiateSessionTest {
    private static final SelectorSet VM = SelectorSet.of("CreationClassName", "Msvm_ComputerSystem",
            "Name", GetInstanceTest.VM_ID);

    private static FixtureHost host() {
        return new FixtureHost("get-computersystem", FixtureHost.Mode.NTLM_ENCRYPTED);
    }

    @Test
    void aFreshConnectionCostsTwoRoundTripsBeforeTheFirstReply() {
        try (FixtureHost host = host(); WsManClient client = host.client()) {
            assertEquals("web-frontend-01", client.get(GetInstanceTest.CS, VM).string("ElementName").orElseThrow());

            assertEquals(2, host.gateway().requestCount(), "NEGOTIATE, then AUTHENTICATE carrying the sealed request");
            assertEquals(1, host.gateway().completedHandshakes());
        }
    }

    @Test
    void theAuthenticatedConnectionIsKeptAndReused() {
        try (FixtureHost host = host(); WsManClient client = host.client()) {
            for (int i = 0; i < 5; i++) {
                client.get(GetInstanceTest.CS, VM);
            }
            assertEquals(1, host.gateway().completedHandshakes());
            assertEquals(6, host.gateway().requestCount());
        }
    }

    @Test
    void wrongPasswordIsAnAuthenticationFailureThatNamesTheUserNotThePassword() {
        try (FixtureHost host = host();
             WsManClient client = WsManClient.connect(host.optionsBuilder()
                     .auth(AuthMode.NTLM, new Credentials(FixtureHost.USER, "Wrong-Pa55word!".toCharArray())).build())) {
            HttpUnauthorizedException e = assertThrows(HttpUnauthorizedException.class,
                    () -> client.get(GetInstanceTest.CS, VM));

            assertEquals(3, ExitCodes.of(e));
            assertTrue(e.getMessage().contains("LAB\\operator"), e.getMessage());
            assertFalse(e.getMessage().contains("Wrong-Pa55word!"));
            assertEquals(0, host.gateway().completedHandshakes());
        }
    }

    @Test
    void a401MidSessionReauthenticatesOnceAndResends() {
        try (FixtureHost host = host(); WsManClient client = host.client()) {
            client.get(GetInstanceTest.CS, VM);
            host.gateway().faults().once(HostFault.FORGET_SESSIONS);

            assertEquals("web-frontend-01", client.get(GetInstanceTest.CS, VM).string("ElementName").orElseThrow());
            assertEquals(2, host.gateway().completedHandshakes());
            assertEquals(2 + 1 + 2, host.gateway().requestCount(), "the 401'd request, then a new two-leg handshake");
        }
    }

    @Test
    void aConnectionTheHostClosedIsReplacedByAFreshlyAuthenticatedOne() {
        try (FixtureHost host = host(); WsManClient client = host.client()) {
            client.get(GetInstanceTest.CS, VM);
            host.gateway().faults().once(HostFault.CLOSE_AFTER_REPLY);
            client.get(GetInstanceTest.CS, VM);

            assertEquals("web-frontend-01", client.get(GetInstanceTest.CS, VM).string("ElementName").orElseThrow());
            assertEquals(2, host.gateway().completedHandshakes());
        }
    }

    @Test
    void concurrentSessionsReauthenticatingAtFullCapacityNeverCrossConnections() throws Exception {
        try (FixtureHost host = host();
             WsManClient client = WsManClient.connect(host.optionsBuilder().maxConnections(4).build())) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(12);
            try {
                for (int round = 0; round < 3; round++) {
                    java.util.List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
                    for (int i = 0; i < 48; i++) {
                        results.add(pool.submit(() -> client.get(GetInstanceTest.CS, VM).string("ElementName").orElse("")));
                    }
                    for (java.util.concurrent.Future<String> r : results) {
                        assertEquals("web-frontend-01", r.get(60, java.util.concurrent.TimeUnit.SECONDS));
                    }
                    host.gateway().faults().once(HostFault.FORGET_SESSIONS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertTrue(host.gateway().completedHandshakes() <= 3 * 4,
                    "at most one handshake per connection per round: " + host.gateway().completedHandshakes());
        }
    }

    @Test
    void aPlaintextReplyUnderEncryptionIsRefusedAsADowngrade() {
        try (FixtureHost host = host(); WsManClient client = host.client()) {
            client.get(GetInstanceTest.CS, VM);
            host.gateway().faults().once(HostFault.PLAINTEXT_REPLY);

            MessageIntegrityException e = assertThrows(MessageIntegrityException.class,
                    () -> client.get(GetInstanceTest.CS, VM));
            assertTrue(e.getMessage().contains("downgrade"), e.getMessage());
            assertEquals(4, ExitCodes.of(e));
        }
    }

    @Test
    void aTamperedSignatureIsRefusedAndTheSessionIsNotReused() {
        try (FixtureHost host = host(); WsManClient client = host.client()) {
            client.get(GetInstanceTest.CS, VM);
            host.gateway().faults().once(HostFault.TAMPERED_SIGNATURE);

            MessageIntegrityException e = assertThrows(MessageIntegrityException.class,
                    () -> client.get(GetInstanceTest.CS, VM));
            assertTrue(e.getMessage().contains("signature"), e.getMessage());

            client.get(GetInstanceTest.CS, VM);
            assertEquals(2, host.gateway().completedHandshakes(), "a fresh session after the integrity failure");
        }
    }
}
