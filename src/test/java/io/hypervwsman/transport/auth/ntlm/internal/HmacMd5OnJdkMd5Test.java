package io.hypervwsman.transport.auth.ntlm.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.hypervwsman.transport.auth.ntlm.TestVectors;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.macs.HMac;
import org.junit.jupiter.api.Test;

/**
 * MD5 on the JDK's MessageDigest and HMAC-MD5 over it reproduce RFC 1321 and RFC 2202, and an HMAC keyed once gives
 * every later message the MAC a freshly keyed one would (the session security reuses one per direction).
 */
class HmacMd5OnJdkMd5Test {
    private final TestVectors v = TestVectors.load("rfc1321-md5-rfc2202-hmac-md5.properties");

    private byte[] ascii(String key) {
        return v.text(key).getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void md5MatchesRfc1321() {
        for (String name : new String[] {"empty", "abc", "messageDigest"}) {
            assertArrayEquals(v.hex("md5." + name), Digests.md5(ascii("md5." + name + ".text")), name);
        }
    }

    @Test
    void hmacMd5MatchesRfc2202() {
        assertArrayEquals(v.hex("hmac1.digest"), Digests.hmacMd5(v.hex("hmac1.key"), ascii("hmac1.data.text")));
        assertArrayEquals(v.hex("hmac2.digest"), Digests.hmacMd5(ascii("hmac2.key.text"), ascii("hmac2.data.text")));
        assertArrayEquals(v.hex("hmac3.digest"), Digests.hmacMd5(v.hex("hmac3.key"), v.hex("hmac3.data")));
    }

    @Test
    void aKeyedHmacGivesEachLaterMessageTheMacOfAFreshOne() {
        byte[] key = v.hex("hmac3.key");
        HMac reused = Digests.keyedHmacMd5(key);
        byte[][] messages = {ascii("hmac1.data.text"), v.hex("hmac3.data"), new byte[0], ascii("hmac2.data.text")};
        for (byte[] message : messages) {
            reused.update(message, 0, message.length);
            byte[] mac = new byte[reused.getMacSize()];
            reused.doFinal(mac, 0);
            assertArrayEquals(Digests.hmacMd5(key, message), mac);
        }
    }
}
