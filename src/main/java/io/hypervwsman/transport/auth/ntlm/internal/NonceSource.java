package io.hypervwsman.transport.auth.ntlm.internal;

import java.security.SecureRandom;

/** Where NTLM contexts get their random bytes (challenges, session keys); tests inject fixed ones. */
@FunctionalInterface
public interface NonceSource {

    /** Fills {@code target} with fresh random bytes. */
    void fill(byte[] target);

    default byte[] next(int length) {
        byte[] nonce = new byte[length];
        fill(nonce);
        return nonce;
    }

    static NonceSource secureRandom() {
        SecureRandom random = new SecureRandom();
        return random::nextBytes;
    }
}
