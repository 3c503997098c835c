package io.hypervwsman.transport.auth.kerberos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.AuthenticationException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Client and acceptor complete a mutually authenticated Kerberos or SPNEGO handshake via a real KDC. */
@ExtendWith(EmbeddedKdcExtension.class)
class KerberosHandshakeTest {

    @TempDir
    static Path keytabs;
    private static EmbeddedKdc kdc;
    private static Path serviceKeytab;

    @BeforeAll
    static void exportKeytabs(EmbeddedKdc embeddedKdc) {
        kdc = embeddedKdc;
        serviceKeytab = kdc.exportKeytab(EmbeddedKdc.SERVICE, keytabs);
    }

    @ParameterizedTest
    @EnumSource(GssMechanism.class)
    void passwordLoginAuthenticatesBothWays(GssMechanism mechanism) {
        try (KerberosCredentials alice = KerberosCredentials.fromPassword(EmbeddedKdc.USER, kdc.userPassword(), kdc.realm());
             KerberosClientContext client = KerberosClientContext.forHost(alice, "localhost", mechanism);
             KerberosServerContext server = KerberosServerContext.fromKeytab(serviceKeytab, EmbeddedKdc.SERVICE)) {

            byte[] reply = server.acceptToken(client.initialToken());
            assertTrue(server.isEstablished());
            assertNotNull(reply, "mutual authentication needs the acceptor's AP-REP");
            assertFalse(client.isEstablished(), "client must not trust the server before its token");

            assertNull(client.step(reply));

            assertTrue(client.isEstablished());
            assertEquals(EmbeddedKdc.USER, alice.principal());
            assertEquals(EmbeddedKdc.USER, server.clientPrincipal());
            assertEquals(mechanism, server.mechanism());
            assertEquals(mechanism.encryptionProtocol(), client.sessionSecurity().protocol());
            assertEquals(mechanism.encryptionProtocol(), server.sessionSecurity().protocol());
        }
    }

    @Test
    void ticketCacheLoginAuthenticatesBothWays() {
        // The realm must already be known to the JVM: a ticket cache carries no KDC address.
        KerberosCredentials.fromPassword(EmbeddedKdc.USER, kdc.userPassword(), kdc.realm()).close();
        Path cache = kdc.kinit(keytabs);
        try (KerberosCredentials fromCache = KerberosCredentials.fromTicketCache(cache);
             KerberosClientContext client = KerberosClientContext.forHost(fromCache, "localhost", GssMechanism.SPNEGO);
             KerberosServerContext server = KerberosServerContext.fromKeytab(serviceKeytab, EmbeddedKdc.SERVICE)) {

            assertNull(client.step(server.acceptToken(client.initialToken())));

            assertEquals(EmbeddedKdc.USER, fromCache.principal());
            assertEquals(EmbeddedKdc.USER, server.clientPrincipal());
        }
    }

    @Test
    void emptyTicketCacheIsAnAuthenticationFailure() {
        Path missing = keytabs.resolve("no-such-ccache");

        assertThrows(AuthenticationException.class, () -> KerberosCredentials.fromTicketCache(missing));
    }

    @Test
    void explicitRealmWorksThroughGeneratedKrb5Conf() {
        try (KerberosCredentials alice = KerberosCredentials.fromPassword(EmbeddedKdc.USER, kdc.userPassword(), kdc.realm())) {
            String conf = System.getProperty(Krb5ConfFile.CONF_PROPERTY);

            assertNotNull(conf, "an explicit realm must not need a krb5.conf of its own");
            assertTrue(conf.contains("hyperv-wsman-krb5-"), conf);
            assertEquals(EmbeddedKdc.USER, alice.principal());
        }
    }

    @Test
    void keytabLoginAuthenticatesBothWays() {
        Path userKeytab = kdc.exportKeytab(EmbeddedKdc.KEYTAB_USER, keytabs);
        try (KerberosCredentials bob = KerberosCredentials.fromKeytab(userKeytab, EmbeddedKdc.KEYTAB_USER, kdc.realm());
             KerberosClientContext client = KerberosClientContext.create(bob, "HTTP/localhost", GssMechanism.KERBEROS);
             KerberosServerContext server = KerberosServerContext.fromKeytab(serviceKeytab, EmbeddedKdc.SERVICE)) {

            assertNull(client.step(server.acceptToken(client.initialToken())));

            assertTrue(client.isEstablished());
            assertEquals(EmbeddedKdc.KEYTAB_USER, server.clientPrincipal());
        }
    }
}
