package io.hypervwsman.transport.auth.ntlm.internal;

import io.hypervwsman.transport.auth.ntlm.NtlmClientContext;
import io.hypervwsman.transport.auth.ntlm.NtlmFixture;


import com.code_intelligence.jazzer.junit.FuzzTest;
import io.hypervwsman.HyperVWsManException;

/**
 * Jazzer targets for the NTLM codecs a host's bytes reach (MS-NLMP 2.2.1, 2.2.2.1): CHALLENGE, AV pair lists,
 * and a client answering a fuzzed CHALLENGE; AUTHENTICATE and NEGOTIATE as the simulated host reads them.
 * Only typed {@link HyperVWsManException}s may come out.
 */
class NtlmMessageParsingFuzzTest {

    @FuzzTest
    void challenge(byte[] message) {
        try {
            ChallengeMessage parsed = ChallengeMessage.parse(message);
            parsed.toString();
            parsed.targetInfo().timestamp();
        } catch (HyperVWsManException expected) {
            // The documented refusal.
        }
    }

    @FuzzTest
    void avPairs(byte[] encoded) {
        try {
            TargetInfo info = TargetInfo.parse(encoded);
            info.name(AvId.MSV_AV_DNS_COMPUTER_NAME);
            info.timestamp();
            info.flags();
            TargetInfo.parse(info.toBytes());
        } catch (HyperVWsManException expected) {
            // The documented refusal.
        }
    }

    @FuzzTest
    void clientAnswersAChallenge(byte[] challenge) {
        NtlmClientContext client = NtlmFixture.client().build();
        client.negotiate();
        try {
            client.authenticate(challenge);
        } catch (HyperVWsManException expected) {
            // The documented refusal.
        }
    }

    @FuzzTest
    void authenticateAndNegotiate(byte[] message) {
        try {
            AuthenticateMessage.parse(message).toString();
        } catch (HyperVWsManException expected) {
            // The documented refusal.
        }
        try {
            NegotiateMessage.parse(message).toString();
        } catch (HyperVWsManException expected) {
            // The documented refusal.
        }
    }
}
