package io.hypervwsman.transport.auth.ntlm.internal;

import io.hypervwsman.transport.auth.ntlm.NtlmClientContext;
import io.hypervwsman.transport.auth.ntlm.NtlmFixture;
import io.hypervwsman.transport.auth.ntlm.TestVectors;


import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** NEGOTIATE, CHALLENGE and AUTHENTICATE as our client and server write them, read back field by field. */
class NtlmMessageCodecTest {

    @Test
    void negotiateCarriesWindowsClientFlagsAndVersion() {
        byte[] negotiate = NtlmFixture.client().build().negotiate();
        NegotiateMessage parsed = NegotiateMessage.parse(negotiate);
        assertEquals(0xE2088235, parsed.flags().value());
        assertEquals(NtlmVersion.WINDOWS_10, parsed.version());
        assertEquals(40, negotiate.length);
        assertEquals("", parsed.domain());
    }

    @Test
    void challengeCarriesServerIdentityAndTimestamp() {
        NtlmFixture.Handshake h = NtlmFixture.handshake();
        ChallengeMessage challenge = ChallengeMessage.parse(h.challenge());
        assertTrue(challenge.flags().contains(NegotiateFlag.TARGET_INFO));
        assertArrayEquals(NtlmFixture.SERVER_CHALLENGE, challenge.serverChallenge());
        assertEquals("HV01", challenge.targetName());
        TargetInfo info = challenge.targetInfo();
        assertEquals(Optional.of("LAB"), info.name(AvId.MSV_AV_NB_DOMAIN_NAME));
        assertEquals(Optional.of("HV01"), info.name(AvId.MSV_AV_NB_COMPUTER_NAME));
        assertEquals(Optional.of("hv01.lab.example"), info.name(AvId.MSV_AV_DNS_COMPUTER_NAME));
        assertEquals(Optional.of("lab.example"), info.name(AvId.MSV_AV_DNS_DOMAIN_NAME));
        assertEquals(Optional.of(FileTime.of(NtlmFixture.NOW)), info.timestamp());
    }

    @Test
    void authenticateCarriesNtlmV2ResponseWithVouchedAvPairsAndMic() {
        NtlmFixture.Handshake h = NtlmFixture.handshake();
        AuthenticateMessage auth = AuthenticateMessage.parse(h.authenticate());
        assertEquals(NtlmFixture.DOMAIN, auth.domain());
        assertEquals(NtlmFixture.USER, auth.user());
        assertEquals("WS01", auth.workstation());
        assertArrayEquals(new byte[24], auth.lmChallengeResponse(), "LMv2 is Z(24) when the server sent a timestamp");
        assertEquals(NtlmVersion.WINDOWS_10, auth.version());
        assertNotNull(auth.mic());
        assertTrue(!Arrays.equals(new byte[16], auth.mic()));
        assertEquals(16, auth.encryptedRandomSessionKey().length);
        assertTrue(auth.flags().containsAll(NegotiateFlags.REQUIRED));

        NtlmV2ClientChallenge blob = NtlmV2Response.parse(auth.ntChallengeResponse()).clientChallenge();
        assertArrayEquals(NtlmFixture.CLIENT_CHALLENGE, blob.clientChallenge());
        assertEquals(FileTime.of(NtlmFixture.NOW), blob.time());
        TargetInfo vouched = blob.avPairs();
        assertEquals(AvId.FLAG_MIC_PRESENT, vouched.flags());
        assertEquals(Optional.of(FileTime.of(NtlmFixture.NOW)), vouched.timestamp());
        assertEquals(Optional.of("HTTP/hv01.lab.example"), vouched.name(AvId.MSV_AV_TARGET_NAME));
        assertArrayEquals(new byte[16], vouched.value(AvId.MSV_AV_CHANNEL_BINDINGS).orElseThrow());
        assertEquals(Optional.of("HV01"), vouched.name(AvId.MSV_AV_NB_COMPUTER_NAME));
    }

    @Test
    void authenticateWritesBackIdentically() {
        byte[] authenticate = NtlmFixture.handshake().authenticate();
        assertArrayEquals(authenticate, AuthenticateMessage.parse(authenticate).toBytes());
    }

    @Test
    void withoutServerTimestampClientUsesClockAndRealLmV2Response() {
        NtlmClientContext client = NtlmFixture.client().build();
        client.negotiate();
        TargetInfo info = TargetInfo.empty().withName(AvId.MSV_AV_NB_COMPUTER_NAME, "OLD");
        byte[] challenge = new ChallengeMessage(NegotiateFlags.CLIENT_DEFAULT.with(NegotiateFlag.TARGET_INFO),
                NtlmFixture.SERVER_CHALLENGE, "OLD", info, null).toBytes();
        AuthenticateMessage auth = AuthenticateMessage.parse(client.authenticate(challenge));
        NtlmV2ClientChallenge blob = NtlmV2Response.parse(auth.ntChallengeResponse()).clientChallenge();
        assertEquals(FileTime.of(NtlmFixture.NOW), blob.time());
        assertEquals(Optional.empty(), blob.avPairs().timestamp());
        byte[] responseKey = NtOwf.v2(NtlmFixture.PASSWORD.toCharArray(), NtlmFixture.USER, NtlmFixture.DOMAIN);
        assertArrayEquals(NtlmV2Response.lmV2Response(responseKey, NtlmFixture.SERVER_CHALLENGE,
                NtlmFixture.CLIENT_CHALLENGE), auth.lmChallengeResponse());
    }

    @Test
    void channelBindingHashGoesIntoTheNtlmV2Response() {
        TestVectors cb = TestVectors.load("channel-bindings.properties");
        NtlmFixture.Handshake h = NtlmFixture.handshake(NtlmFixture.client().channelBindings(cb.hex("sha256-rsa")),
                NtlmFixture.server());
        AuthenticateMessage auth = AuthenticateMessage.parse(h.authenticate());
        TargetInfo vouched = NtlmV2Response.parse(auth.ntChallengeResponse()).clientChallenge().avPairs();
        assertArrayEquals(cb.hex("sha256-rsa.avPairValue"), vouched.value(AvId.MSV_AV_CHANNEL_BINDINGS).orElseThrow());
    }

    @Test
    void negotiateWithoutVersionAndWithOemNamesParses() {
        NegotiateMessage message = new NegotiateMessage(NegotiateFlags.of(NegotiateFlag.UNICODE,
                NegotiateFlag.OEM_DOMAIN_SUPPLIED, NegotiateFlag.OEM_WORKSTATION_SUPPLIED), "LAB", "WS01", null);
        NegotiateMessage parsed = NegotiateMessage.parse(message.toBytes());
        assertEquals(message, parsed);
        assertNull(parsed.version());
    }

    @Test
    void avPairToStringNamesKnownIds() {
        assertEquals(List.of("MSV_AV_FLAGS=02000000"),
                TargetInfo.empty().withFlags(2).pairs().stream().map(AvPair::toString).toList());
        assertEquals("0a0b", HexFormat.of().formatHex(new AvPair(0x55, new byte[] {10, 11}).value()));
    }
}
