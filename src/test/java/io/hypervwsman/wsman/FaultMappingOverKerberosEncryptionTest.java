package io.hypervwsman.wsman;

import org.junit.jupiter.api.extension.ExtendWith;

/** {@link FaultMappingTest}, with the client authenticating by Kerberos (SPNEGO) against an embedded KDC, every message encrypted. */
@ExtendWith(KerberosFixtureExtension.class)
class FaultMappingOverKerberosEncryptionTest extends FaultMappingTest {
    @Override
    FixtureHost host(String fixtureCase) {
        return new FixtureHost(fixtureCase, FixtureHost.Mode.KERBEROS_ENCRYPTED);
    }
}
