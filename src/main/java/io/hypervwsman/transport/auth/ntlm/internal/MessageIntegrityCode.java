package io.hypervwsman.transport.auth.ntlm.internal;

/** The MIC of the AUTHENTICATE message (MS-NLMP 3.1.5.1.2): binds all three handshake messages to the key. */
public final class MessageIntegrityCode {
    private MessageIntegrityCode() {
    }

    /** HMAC_MD5(ExportedSessionKey, NEGOTIATE ‖ CHALLENGE ‖ AUTHENTICATE with MIC zeroed). */
    public static byte[] compute(byte[] exportedSessionKey, byte[] negotiate, byte[] challenge, byte[] authenticateZeroMic) {
        return Digests.hmacMd5(exportedSessionKey, negotiate, challenge, authenticateZeroMic);
    }
}
