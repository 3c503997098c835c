package io.hypervwsman.transport.auth.ntlm.internal;

import org.bouncycastle.crypto.engines.RC4Engine;
import org.bouncycastle.crypto.params.KeyParameter;

/** An RC4 key stream (MS-NLMP 6, RC4Init/RC4): each call continues where the previous one stopped. */
public final class Rc4 {
    private final RC4Engine engine = new RC4Engine();

    Rc4(byte[] key) {
        engine.init(true, new KeyParameter(key));
    }

    byte[] apply(byte[] input) {
        byte[] out = new byte[input.length];
        engine.processBytes(input, 0, input.length, out, 0);
        return out;
    }

    /** RC4K: a fresh stream used once (MS-NLMP 6). */
    static byte[] once(byte[] key, byte[] input) {
        return new Rc4(key).apply(input);
    }
}
