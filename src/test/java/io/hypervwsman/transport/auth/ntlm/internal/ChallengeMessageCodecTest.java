package io.hypervwsman.transport.auth.ntlm.internal;

import io.hypervwsman.transport.auth.ntlm.NtlmFixture;
import io.hypervwsman.transport.auth.ntlm.TestVectors;


import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The MS-NLMP 4.2.4.3 CHALLENGE parses to the documented fields and writes back identically. */
class ChallengeMessageCodecTest {
    private final TestVectors v = TestVectors.msNlmpNtlmV2();

    @Test
    void parsesVectorFields() {
        ChallengeMessage challenge = ChallengeMessage.parse(v.hex("challengeMessage"));
        assertEquals(Integer.parseUnsignedInt(v.text("negotiateFlags"), 16), challenge.flags().value());
        assertTrue(challenge.flags().containsAll(NegotiateFlags.REQUIRED));
        assertTrue(challenge.flags().contains(NegotiateFlag.TARGET_TYPE_SERVER));
        assertArrayEquals(v.hex("serverChallenge"), challenge.serverChallenge());
        assertEquals(v.text("serverName"), challenge.targetName());
        assertEquals(v.text("challengeVersion"), challenge.version().toString());
        assertEquals(Optional.of("Domain"), challenge.targetInfo().name(AvId.MSV_AV_NB_DOMAIN_NAME));
        assertEquals(Optional.of("Server"), challenge.targetInfo().name(AvId.MSV_AV_NB_COMPUTER_NAME));
        assertEquals(2, challenge.targetInfo().pairs().size());
        assertEquals(Optional.empty(), challenge.targetInfo().timestamp());
        assertArrayEquals(v.hex("targetInfo"), challenge.targetInfo().toBytes());
    }

    @Test
    void writesVectorBackByteForByte() {
        assertArrayEquals(v.hex("challengeMessage"), ChallengeMessage.parse(v.hex("challengeMessage")).toBytes());
    }

    @Test
    void targetInfoKeepsUnknownPairsAndReplacesKnownOnes() {
        TargetInfo info = TargetInfo.of(List.of(new AvPair(0x7F, new byte[] {1, 2, 3})))
                .withFlags(1).withFlags(3).withTimestamp(new FileTime(42));
        TargetInfo reparsed = TargetInfo.parse(info.toBytes());
        assertEquals(info, reparsed);
        assertEquals(3, reparsed.flags());
        assertEquals(Optional.of(new FileTime(42)), reparsed.timestamp());
        assertArrayEquals(new byte[] {1, 2, 3}, reparsed.pairs().get(0).value());
        assertEquals(3, reparsed.pairs().size());
    }

    @Test
    void fileTimeMatchesTheWindowsEpoch() {
        assertEquals(116_444_736_000_000_000L, FileTime.of(Instant.EPOCH).value());
        assertEquals(NtlmFixture.NOW, FileTime.of(NtlmFixture.NOW).toInstant());
    }
}
