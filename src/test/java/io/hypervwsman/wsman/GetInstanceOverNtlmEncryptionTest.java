package io.hypervwsman.wsman;

/** {@link GetInstanceTest}, with the client authenticating by NTLM and every message encrypted. */
class GetInstanceOverNtlmEncryptionTest extends GetInstanceTest {
    @Override
    FixtureHost host(String fixtureCase) {
        return new FixtureHost(fixtureCase, FixtureHost.Mode.NTLM_ENCRYPTED);
    }
}
