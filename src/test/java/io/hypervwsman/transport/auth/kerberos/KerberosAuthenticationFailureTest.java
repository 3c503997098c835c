package io.hypervwsman.transport.auth.kerberos;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.AuthenticationException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Every way the login or handshake can fail ends in an AuthenticationException that says why. */
@ExtendWith(EmbeddedKdcExtension.class)
class KerberosAuthenticationFailureTest {

    @TempDir
    static Path keytabs;
    private static EmbeddedKdc kdc;
    private static Path serviceKeytab;
    private static KerberosCredentials alice;

    @BeforeAll
    static void login(EmbeddedKdc embeddedKdc) {
        kdc = embeddedKdc;
        serviceKeytab = kdc.exportKeytab(EmbeddedKdc.SERVICE, keytabs);
        alice = KerberosCredentials.fromPassword(EmbeddedKdc.USER, kdc.userPassword(), kdc.realm());
    }

    @AfterAll
    static void logout() {
        alice.close();
    }

    @Test
    void wrongPasswordIsReportedAsSuch() {
        char[] wrong = "not the password".toCharArray();

        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> KerberosCredentials.fromPassword(EmbeddedKdc.USER, wrong, kdc.realm()));

        assertTrue(e.getMessage().contains("Kerberos login as " + EmbeddedKdc.USER + " failed: wrong password"),
                e.getMessage());
        assertFalse(e.getMessage().contains("not the password"));
    }

    @Test
    void unknownUserIsReportedAsSuch() {
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> KerberosCredentials.fromPassword("mallory@" + EmbeddedKdc.REALM, kdc.userPassword(), kdc.realm()));

        assertTrue(e.getMessage().contains("does not know this principal"), e.getMessage());
    }

    @Test
    void missingKeytabIsReported() {
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> KerberosCredentials.fromKeytab(keytabs.resolve("absent.keytab"), EmbeddedKdc.KEYTAB_USER));

        assertTrue(e.getMessage().contains("absent.keytab"), e.getMessage());
    }

    @Test
    void serviceUnknownToTheKdcFailsTheFirstToken() {
        try (KerberosClientContext client = KerberosClientContext.create(alice, EmbeddedKdc.UNREGISTERED_SERVICE,
                GssMechanism.KERBEROS)) {
            AuthenticationException e = assertThrows(AuthenticationException.class, client::initialToken);
            assertTrue(e.getMessage().contains(EmbeddedKdc.UNREGISTERED_SERVICE), e.getMessage());
        }
    }

    @Test
    void contextWithoutTheServersFinalTokenGivesNoSessionSecurity() {
        try (KerberosClientContext client = KerberosClientContext.forHost(alice, "localhost", GssMechanism.SPNEGO);
             KerberosServerContext server = KerberosServerContext.fromKeytab(serviceKeytab, EmbeddedKdc.SERVICE)) {
            server.acceptToken(client.initialToken());

            AuthenticationException e = assertThrows(AuthenticationException.class, client::sessionSecurity);
            assertTrue(e.getMessage().contains("not established"), e.getMessage());
            assertThrows(AuthenticationException.class, () -> client.step(null));
            assertThrows(AuthenticationException.class, () -> client.step(new byte[0]));
            assertFalse(client.isEstablished());
        }
    }

    @Test
    void tamperedServerTokenFailsMutualAuthentication() {
        try (KerberosClientContext client = KerberosClientContext.forHost(alice, "localhost", GssMechanism.KERBEROS);
             KerberosServerContext server = KerberosServerContext.fromKeytab(serviceKeytab, EmbeddedKdc.SERVICE)) {
            byte[] reply = server.acceptToken(client.initialToken());
            reply[reply.length - 3] ^= 0x01; // inside the encrypted part of the AP-REP

            assertThrows(AuthenticationException.class, () -> client.step(reply));
            assertFalse(client.isEstablished());
        }
    }

    @Test
    void acceptorRejectsGarbageAndTokensForOtherMechanisms() {
        try (KerberosServerContext server = KerberosServerContext.fromKeytab(serviceKeytab, EmbeddedKdc.SERVICE)) {
            assertThrows(AuthenticationException.class, () -> server.acceptToken(new byte[] {0x60, 0x03, 0x06, 0x01, 0x00}));
            assertThrows(AuthenticationException.class, () -> server.acceptToken("NTLMSSP\0".getBytes()));
            assertThrows(AuthenticationException.class, () -> server.acceptToken(null));
            assertFalse(server.isEstablished());
            assertThrows(AuthenticationException.class, server::sessionSecurity);
        }
    }
}
