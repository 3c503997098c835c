package io.hypervwsman.transport.auth.ntlm.internal;

import java.security.MessageDigest;

/**
 * An NTLMv2 NtChallengeResponse (MS-NLMP 2.2.2.8): NTProofStr followed by the client challenge blob
 * exactly as sent, which the proof covers.
 */
public final class NtlmV2Response {
    private static final int PROOF_LENGTH = 16;

    private final byte[] ntProofStr;
    private final byte[] blob;

    private NtlmV2Response(byte[] ntProofStr, byte[] blob) {
        this.ntProofStr = ntProofStr;
        this.blob = blob;
    }

    /** NTProofStr = HMAC_MD5(ResponseKeyNT, ServerChallenge ‖ temp) (MS-NLMP 3.3.2). */
    public static NtlmV2Response compute(byte[] responseKeyNt, byte[] serverChallenge, NtlmV2ClientChallenge challenge) {
        byte[] blob = challenge.toBytes();
        return new NtlmV2Response(Digests.hmacMd5(responseKeyNt, serverChallenge, blob), blob);
    }

    static NtlmV2Response parse(byte[] ntChallengeResponse) {
        NtlmReader reader = new NtlmReader(ntChallengeResponse, "NTLMv2 response");
        if (reader.length() < PROOF_LENGTH + NtlmV2ClientChallenge.MIN_LENGTH) {
            throw reader.malformed("too short for NTLMv2 (" + reader.length() + " bytes)");
        }
        return new NtlmV2Response(reader.bytes(0, PROOF_LENGTH), reader.rest(PROOF_LENGTH));
    }

    byte[] ntProofStr() {
        return ntProofStr.clone();
    }

    NtlmV2ClientChallenge clientChallenge() {
        return NtlmV2ClientChallenge.parse(blob);
    }

    /** Recomputes NTProofStr from the blob as received; compares in constant time. */
    boolean verifies(byte[] responseKeyNt, byte[] serverChallenge) {
        return MessageDigest.isEqual(Digests.hmacMd5(responseKeyNt, serverChallenge, blob), ntProofStr);
    }

    /** SessionBaseKey = HMAC_MD5(ResponseKeyNT, NTProofStr) (MS-NLMP 3.3.2). */
    public byte[] sessionBaseKey(byte[] responseKeyNt) {
        return Digests.hmacMd5(responseKeyNt, ntProofStr);
    }

    public byte[] toBytes() {
        return new NtlmWriter().bytes(ntProofStr).bytes(blob).toByteArray();
    }

    /** LMv2 = HMAC_MD5(ResponseKeyLM, ServerChallenge ‖ ClientChallenge) ‖ ClientChallenge (MS-NLMP 3.3.2). */
    public static byte[] lmV2Response(byte[] responseKeyLm, byte[] serverChallenge, byte[] clientChallenge) {
        return new NtlmWriter().bytes(Digests.hmacMd5(responseKeyLm, serverChallenge, clientChallenge))
                .bytes(clientChallenge).toByteArray();
    }

    @Override
    public String toString() {
        return "NtlmV2Response[" + (PROOF_LENGTH + blob.length) + " bytes]";
    }
}
