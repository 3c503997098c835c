package io.hypervwsman.wsman;

import org.junit.jupiter.api.extension.ExtendWith;

/** {@link InvokeTest}, with the client authenticating by Kerberos (SPNEGO) against an embedded KDC, every message encrypted. */
@ExtendWith(KerberosFixtureExtension.class)
class InvokeOverKerberosEncryptionTest extends InvokeTest {
    @Override
    FixtureHost host(String fixtureCase) {
        return new FixtureHost(fixtureCase, FixtureHost.Mode.KERBEROS_ENCRYPTED);
    }
}
