package io.hypervwsman.transport.auth.ntlm;

import io.hypervwsman.transport.auth.ntlm.internal.AuthenticateMessage;
import io.hypervwsman.transport.auth.ntlm.internal.AvId;
import io.hypervwsman.transport.auth.ntlm.internal.ChallengeMessage;
import io.hypervwsman.transport.auth.ntlm.internal.FileTime;
import io.hypervwsman.transport.auth.ntlm.internal.KeyExchange;
import io.hypervwsman.transport.auth.ntlm.internal.MessageIntegrityCode;
import io.hypervwsman.transport.auth.ntlm.internal.NegotiateFlag;
import io.hypervwsman.transport.auth.ntlm.internal.NegotiateFlags;
import io.hypervwsman.transport.auth.ntlm.internal.NegotiateMessage;
import io.hypervwsman.transport.auth.ntlm.internal.NtOwf;
import io.hypervwsman.transport.auth.ntlm.internal.NtlmServerContext;
import io.hypervwsman.transport.auth.ntlm.internal.NtlmV2ClientChallenge;
import io.hypervwsman.transport.auth.ntlm.internal.NtlmV2Response;
import io.hypervwsman.transport.auth.ntlm.internal.NtlmVersion;
import io.hypervwsman.transport.auth.ntlm.internal.TargetInfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.AuthenticationException;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The server refuses every AUTHENTICATE it should, with a message that says why. */
class AuthenticationFailureTest {

    @Test
    void wrongPassword() {
        NtlmFixture.Handshake h = NtlmFixture.handshake(NtlmFixture.client("wrong-password"), NtlmFixture.server());
        assertRejected(h, "wrong password for LAB\\Administrator");
    }

    @Test
    void unknownUser() {
        NtlmFixture.Handshake h = NtlmFixture.handshake(NtlmFixture.client().user("nobody"), NtlmFixture.server());
        assertRejected(h, "unknown user LAB\\nobody");
    }

    @Test
    void namesInAnotherCaseAuthenticateBecauseTheServerHashesThemAsSent() {
        // NTOWFv2 upper-cases the user only; the server hashes with the names exactly as sent, so both pass.
        NtlmFixture.Handshake h = NtlmFixture.handshake(NtlmFixture.client().user("administrator").domain("lab"),
                NtlmFixture.server());
        h.server().accept(h.authenticate());
        assertEquals("administrator", h.server().authenticatedUser());
    }

    @Test
    void tamperedMic() {
        NtlmFixture.Handshake h = NtlmFixture.handshake();
        byte[] tampered = h.authenticate().clone();
        tampered[AuthenticateMessage.MIC_OFFSET + 3] ^= 0x01;
        assertRejected(h.server(), tampered, "MIC from LAB\\Administrator does not verify");
    }

    @Test
    void challengeAlteredInTransitIsCaughtByTheMic() {
        NtlmClientContext client = NtlmFixture.client().build();
        NtlmServerContext server = NtlmFixture.server().build();
        byte[] challenge = server.challenge(client.negotiate());
        ChallengeMessage original = ChallengeMessage.parse(challenge);
        // A man in the middle strips the target name; NTProofStr still verifies, the MIC does not.
        byte[] altered = new ChallengeMessage(original.flags(), original.serverChallenge(), "EVIL",
                original.targetInfo(), original.version()).toBytes();
        assertRejected(server, client.authenticate(altered), "does not verify (handshake messages were altered)");
    }

    @Test
    void authenticateFlagsDowngradedIsCaughtByTheMic() {
        NtlmFixture.Handshake h = NtlmFixture.handshake();
        AuthenticateMessage auth = AuthenticateMessage.parse(h.authenticate());
        byte[] downgraded = new AuthenticateMessage(auth.flags().with(NegotiateFlag.IDENTIFY), auth.lmChallengeResponse(),
                auth.ntChallengeResponse(), auth.domain(), auth.user(), auth.workstation(),
                auth.encryptedRandomSessionKey(), auth.version(), auth.mic()).toBytes();
        assertRejected(h.server(), downgraded, "MIC from LAB\\Administrator does not verify");
    }

    @Test
    void missingMic() {
        NtlmFixture.Handshake h = NtlmFixture.handshake();
        byte[] withoutMic = forgeAuthenticate(h, pairs -> pairs.withFlags(0), false);
        assertRejected(h.server(), withoutMic, "carries no MIC");
    }

    @Test
    void channelBindingsMissingWhenServerExpectsThem() {
        byte[] expected = TestVectors.load("channel-bindings.properties").hex("sha256-rsa");
        NtlmFixture.Handshake h = NtlmFixture.handshake(NtlmFixture.client(),
                NtlmFixture.server().expectedChannelBindings(expected));
        assertRejected(h, "channel bindings from LAB\\Administrator do not match");
    }

    @Test
    void channelBindingsForAnotherCertificate() {
        TestVectors cb = TestVectors.load("channel-bindings.properties");
        NtlmFixture.Handshake h = NtlmFixture.handshake(NtlmFixture.client().channelBindings(cb.hex("sha384-ecdsa")),
                NtlmFixture.server().expectedChannelBindings(cb.hex("sha256-rsa")));
        assertRejected(h, "do not match this TLS channel");
    }

    @Test
    void ntlmV1ResponseRefused() {
        NtlmFixture.Handshake h = NtlmFixture.handshake();
        AuthenticateMessage auth = AuthenticateMessage.parse(h.authenticate());
        byte[] v1 = new AuthenticateMessage(auth.flags(), new byte[24], new byte[24], auth.domain(), auth.user(),
                auth.workstation(), auth.encryptedRandomSessionKey(), auth.version(), auth.mic()).toBytes();
        assertRejected(h.server(), v1, "NTLMv1 responses are not accepted");
    }

    @Test
    void anonymousRefused() {
        NtlmFixture.Handshake h = NtlmFixture.handshake();
        byte[] anonymous = new AuthenticateMessage(NegotiateFlags.CLIENT_DEFAULT.with(NegotiateFlag.ANONYMOUS),
                new byte[1], new byte[0], "", "", "", new byte[0], null, null).toBytes();
        assertRejected(h.server(), anonymous, "anonymous NTLM authentication is not accepted");
    }

    @Test
    void serverRefusesNegotiateWithoutSealing() {
        byte[] negotiate = new NegotiateMessage(NegotiateFlags.of(NegotiateFlag.UNICODE, NegotiateFlag.NTLM,
                NegotiateFlag.SIGN), "", "", null).toBytes();
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> NtlmFixture.server().build().challenge(negotiate));
        assertTrue(e.getMessage().contains("SEAL"), e.getMessage());
        assertTrue(e.getMessage().contains("KEY_EXCH"), e.getMessage());
    }

    @Test
    void clientRefusesChallengeWithoutKeyExchange() {
        NtlmClientContext client = NtlmFixture.client().build();
        client.negotiate();
        byte[] challenge = new ChallengeMessage(new NegotiateFlags(NegotiateFlags.CLIENT_DEFAULT.value()
                & ~NegotiateFlag.KEY_EXCH.bit()), NtlmFixture.SERVER_CHALLENGE, "", TargetInfo.empty(), null).toBytes();
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> client.authenticate(challenge));
        assertTrue(e.getMessage().contains("did not agree") && e.getMessage().contains("KEY_EXCH"), e.getMessage());
        assertFalse(client.isComplete());
        assertThrows(IllegalStateException.class, client::sessionSecurity);
    }

    @Test
    void contextsEnforceTheirCallOrder() {
        NtlmClientContext client = NtlmFixture.client().build();
        assertThrows(IllegalStateException.class, () -> client.authenticate(new byte[0]));
        NtlmServerContext server = NtlmFixture.server().build();
        assertThrows(IllegalStateException.class, () -> server.accept(new byte[0]));
        assertThrows(IllegalStateException.class, server::sessionSecurity);
    }

    @Test
    void failedServerContextStaysFailed() {
        NtlmFixture.Handshake h = NtlmFixture.handshake(NtlmFixture.client("wrong-password"), NtlmFixture.server());
        assertThrows(AuthenticationException.class, () -> h.server().accept(h.authenticate()));
        assertThrows(IllegalStateException.class, () -> h.server().accept(h.authenticate()));
        assertThrows(IllegalStateException.class, h.server()::sessionSecurity);
    }

    private static void assertRejected(NtlmFixture.Handshake h, String expectedMessagePart) {
        assertRejected(h.server(), h.authenticate(), expectedMessagePart);
    }

    static void assertRejected(NtlmServerContext server, byte[] authenticate, String expectedMessagePart) {
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> server.accept(authenticate));
        assertTrue(e.getMessage().contains(expectedMessagePart), e.getMessage());
        assertFalse(server.isComplete());
    }

    /**
     * An AUTHENTICATE with a valid NTProofStr for the fixture's account but AV pairs of our choosing, to
     * reach checks that follow the proof.
     */
    static byte[] forgeAuthenticate(NtlmFixture.Handshake h, UnaryOperator<TargetInfo> pairs,
                                    boolean withMic) {
        ChallengeMessage challenge = ChallengeMessage.parse(h.challenge());
        byte[] key = NtOwf.v2(NtlmFixture.PASSWORD.toCharArray(), NtlmFixture.USER, NtlmFixture.DOMAIN);
        NtlmV2ClientChallenge blob = new NtlmV2ClientChallenge(FileTime.of(NtlmFixture.NOW),
                NtlmFixture.CLIENT_CHALLENGE, pairs.apply(challenge.targetInfo()));
        NtlmV2Response response = NtlmV2Response.compute(key, challenge.serverChallenge(), blob);
        byte[] encrypted = KeyExchange.encryptRandomSessionKey(response.sessionBaseKey(key), NtlmFixture.SESSION_KEY);
        AuthenticateMessage auth = new AuthenticateMessage(challenge.flags(), new byte[24], response.toBytes(),
                NtlmFixture.DOMAIN, NtlmFixture.USER, "WS01", encrypted, NtlmVersion.WINDOWS_10, null);
        if (!withMic) {
            return auth.toBytes();
        }
        byte[] mic = MessageIntegrityCode.compute(NtlmFixture.SESSION_KEY, h.negotiate(), h.challenge(), auth.toBytes());
        return auth.withMic(mic).toBytes();
    }

    @Test
    void forgedMessageWithMicIsAcceptedSoTheForgeryHelperIsSound() {
        NtlmFixture.Handshake h = NtlmFixture.handshake();
        h.server().accept(forgeAuthenticate(h, pairs -> pairs.withFlags(AvId.FLAG_MIC_PRESENT), true));
        assertTrue(h.server().isComplete());
    }
}
