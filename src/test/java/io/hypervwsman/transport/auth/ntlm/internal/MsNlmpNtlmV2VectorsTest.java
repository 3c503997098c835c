package io.hypervwsman.transport.auth.ntlm.internal;

import io.hypervwsman.transport.auth.ntlm.TestVectors;



import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hypervwsman.transport.auth.SessionSecurity.WrappedMessage;
import org.junit.jupiter.api.Test;

/** Key derivation and session security reproduce MS-NLMP 4.2.4 byte for byte. */
class MsNlmpNtlmV2VectorsTest {
    private final TestVectors v = TestVectors.msNlmpNtlmV2();

    private char[] password() {
        return v.text("password").toCharArray();
    }

    @Test
    void ntowfV1IsMd4OfUtf16Password() {
        assertArrayEquals(v.hex("ntowfv1"), NtOwf.v1(password()));
    }

    @Test
    void ntowfV2UpperCasesUserButNotDomain() {
        assertArrayEquals(v.hex("ntowfv2"), NtOwf.v2(password(), v.text("user"), v.text("domain")));
    }

    @Test
    void lmV2Response() {
        assertArrayEquals(v.hex("lmv2Response"),
                NtlmV2Response.lmV2Response(v.hex("ntowfv2"), v.hex("serverChallenge"), v.hex("clientChallenge")));
    }

    @Test
    void ntProofStrSessionBaseKeyAndKeyExchangeKey() {
        NtlmV2Response response = NtlmV2Response.compute(v.hex("ntowfv2"), v.hex("serverChallenge"), vectorBlob());
        assertArrayEquals(v.hex("ntProofStr"), response.ntProofStr());
        byte[] sessionBaseKey = response.sessionBaseKey(v.hex("ntowfv2"));
        assertArrayEquals(v.hex("sessionBaseKey"), sessionBaseKey);
        assertArrayEquals(v.hex("keyExchangeKey"), KeyExchange.keyExchangeKey(sessionBaseKey));
    }

    @Test
    void parsedResponseVerifiesAgainstTheSameKeyOnly() {
        byte[] encoded = NtlmV2Response.compute(v.hex("ntowfv2"), v.hex("serverChallenge"), vectorBlob()).toBytes();
        NtlmV2Response parsed = NtlmV2Response.parse(encoded);
        assertEquals(true, parsed.verifies(v.hex("ntowfv2"), v.hex("serverChallenge")));
        assertEquals(false, parsed.verifies(v.hex("ntowfv1"), v.hex("serverChallenge")));
        assertEquals(TargetInfo.parse(v.hex("targetInfo")), parsed.clientChallenge().avPairs());
    }

    @Test
    void encryptedRandomSessionKeyRoundTrips() {
        byte[] encrypted = KeyExchange.encryptRandomSessionKey(v.hex("keyExchangeKey"), v.hex("randomSessionKey"));
        assertArrayEquals(v.hex("encryptedRandomSessionKey"), encrypted);
        assertArrayEquals(v.hex("randomSessionKey"), KeyExchange.decryptRandomSessionKey(v.hex("keyExchangeKey"), encrypted));
    }

    @Test
    void clientSigningAndSealingKeys() {
        SignAndSealKeys keys = SignAndSealKeys.clientToServer(v.hex("randomSessionKey"));
        assertArrayEquals(v.hex("clientSigningKey"), keys.signingKey());
        assertArrayEquals(v.hex("clientSealingKey"), keys.sealingKey());
    }

    @Test
    void sealedPlaintextAndSignatureAtSequenceZero() {
        byte[] plaintext = NtlmWriter.utf16(v.text("plaintextUtf16"));
        WrappedMessage wrapped = NtlmSessionSecurity.forClient(v.hex("randomSessionKey")).wrap(plaintext);
        assertArrayEquals(v.hex("sealedPlaintext"), wrapped.sealed());
        assertArrayEquals(v.hex("signature"), wrapped.signature());
    }

    @Test
    void serverUnsealsTheVectorMessage() {
        byte[] unsealed = NtlmSessionSecurity.forServer(v.hex("randomSessionKey"))
                .unwrap(v.hex("signature"), v.hex("sealedPlaintext"));
        assertArrayEquals(NtlmWriter.utf16(v.text("plaintextUtf16")), unsealed);
    }

    private NtlmV2ClientChallenge vectorBlob() {
        return new NtlmV2ClientChallenge(new FileTime(Long.parseLong(v.text("time"), 16)), v.hex("clientChallenge"),
                TargetInfo.parse(v.hex("targetInfo")));
    }
}
