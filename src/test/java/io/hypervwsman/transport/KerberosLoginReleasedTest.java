package io.hypervwsman.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.transport.auth.kerberos.EmbeddedKdc;
import io.hypervwsman.transport.auth.kerberos.EmbeddedKdcExtension;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Closing a Kerberos transport logs its login out: the tickets and keys do not outlive the client. */
@ExtendWith(EmbeddedKdcExtension.class)
class KerberosLoginReleasedTest {

    @Test
    void closingTheTransportDestroysTheTickets(EmbeddedKdc kdc) {
        ConnectionOptions options = ConnectionOptions.builder(URI.create("http://hv01.example.test:5985/wsman"))
                .auth(AuthMode.KERBEROS, new Credentials(EmbeddedKdc.USER, kdc.userPassword()))
                .kerberos(new KerberosOptions(null, null, kdc.realm().name(), kdc.realm().kdcs().get(0), null))
                .build();
        Transports.KerberosContexts contexts = (Transports.KerberosContexts) Transports.kerberos(options);
        assertFalse(contexts.credentials().isDestroyed(), "logged in: a TGT is held");

        new NegotiateTransport(options, contexts).close();

        assertTrue(contexts.credentials().isDestroyed());
    }
}
