package io.hypervwsman.wsman;

/** {@link EnumerationTest}, with the client authenticating by NTLM and every message encrypted. */
class EnumerationOverNtlmEncryptionTest extends EnumerationTest {
    @Override
    FixtureHost host(String fixtureCase) {
        return new FixtureHost(fixtureCase, FixtureHost.Mode.NTLM_ENCRYPTED);
    }
}
