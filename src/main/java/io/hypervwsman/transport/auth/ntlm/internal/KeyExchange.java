package io.hypervwsman.transport.auth.ntlm.internal;

/** NTLMv2 key exchange (MS-NLMP 3.4.5.1 KXKEY, 3.1.5.1.2 / 3.2.5.1.2 EncryptedRandomSessionKey). */
public final class KeyExchange {
    public static final int SESSION_KEY_LENGTH = 16;

    private KeyExchange() {
    }

    /** For NTLMv2, KXKEY is the SessionBaseKey itself (MS-NLMP 3.4.5.1). */
    public static byte[] keyExchangeKey(byte[] sessionBaseKey) {
        return sessionBaseKey.clone();
    }

    /** EncryptedRandomSessionKey = RC4K(KeyExchangeKey, ExportedSessionKey). */
    public static byte[] encryptRandomSessionKey(byte[] keyExchangeKey, byte[] randomSessionKey) {
        return Rc4.once(keyExchangeKey, randomSessionKey);
    }

    /** ExportedSessionKey = RC4K(KeyExchangeKey, EncryptedRandomSessionKey). */
    static byte[] decryptRandomSessionKey(byte[] keyExchangeKey, byte[] encryptedRandomSessionKey) {
        return Rc4.once(keyExchangeKey, encryptedRandomSessionKey);
    }
}
