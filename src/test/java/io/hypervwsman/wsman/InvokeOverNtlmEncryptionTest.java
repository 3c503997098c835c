package io.hypervwsman.wsman;

/** {@link InvokeTest}, with the client authenticating by NTLM and every message encrypted. */
class InvokeOverNtlmEncryptionTest extends InvokeTest {
    @Override
    FixtureHost host(String fixtureCase) {
        return new FixtureHost(fixtureCase, FixtureHost.Mode.NTLM_ENCRYPTED);
    }
}
