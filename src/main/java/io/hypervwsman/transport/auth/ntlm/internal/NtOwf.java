package io.hypervwsman.transport.auth.ntlm.internal;

import java.util.Arrays;
import java.util.Locale;

/** The NT one-way functions of MS-NLMP 3.3.1 and 3.3.2: the password hash and the NTLMv2 response key. */
public final class NtOwf {
    private NtOwf() {
    }

    /** NTOWFv1 = MD4(UNICODE(Passwd)); encoded without ever making the password a String. */
    public static byte[] v1(char[] password) {
        byte[] encoded = new byte[password.length * 2];
        for (int i = 0; i < password.length; i++) {
            encoded[2 * i] = (byte) password[i];
            encoded[2 * i + 1] = (byte) (password[i] >>> 8);
        }
        try {
            return Digests.md4(encoded);
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    /** NTOWFv2 = HMAC_MD5(NTOWFv1, UNICODE(Uppercase(User) + UserDom)); the domain keeps its case. */
    public static byte[] v2(char[] password, String user, String domain) {
        byte[] ntHash = v1(password);
        try {
            return Digests.hmacMd5(ntHash, NtlmWriter.utf16(user.toUpperCase(Locale.ROOT) + domain));
        } finally {
            Arrays.fill(ntHash, (byte) 0);
        }
    }
}
