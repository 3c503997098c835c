package io.hypervwsman.wsman;

/** {@link HostReplyCheckTest}, with the client authenticating by NTLM and every message encrypted. */
class HostReplyCheckOverNtlmEncryptionTest extends HostReplyCheckTest {
    @Override
    FixtureHost host(String fixtureCase) {
        return new FixtureHost(fixtureCase, FixtureHost.Mode.NTLM_ENCRYPTED);
    }
}
