package io.hypervwsman.wsman;

/** {@link FaultMappingTest}, with the client authenticating by NTLM and every message encrypted. */
class FaultMappingOverNtlmEncryptionTest extends FaultMappingTest {
    @Override
    FixtureHost host(String fixtureCase) {
        return new FixtureHost(fixtureCase, FixtureHost.Mode.NTLM_ENCRYPTED);
    }
}
