package io.hypervwsman.wsman;

import io.hypervwsman.transport.auth.kerberos.EmbeddedKdc;
import io.hypervwsman.transport.auth.kerberos.EmbeddedKdcExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@link FaultMappingTest}, with the client authenticating by Kerberos (SPNEGO) against an embedded KDC, every message encrypted. */
@ExtendWith(EmbeddedKdcExtension.class)
class FaultMappingOverKerberosEncryptionTest extends FaultMappingTest {
    @TempDir
    static Path keytabs;

    @BeforeAll
    static void kerberos(EmbeddedKdc kdc) {
        FixtureHost.kerberos = new FixtureHost.KerberosSetup(kdc.realm(), kdc.exportKeytab(EmbeddedKdc.SERVICE, keytabs),
                EmbeddedKdc.SERVICE, EmbeddedKdc.USER, kdc.userPassword());
    }

    @Override
    FixtureHost host(String fixtureCase) {
        return new FixtureHost(fixtureCase, FixtureHost.Mode.KERBEROS_ENCRYPTED);
    }
}
