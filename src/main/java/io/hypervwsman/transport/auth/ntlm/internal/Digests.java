package io.hypervwsman.transport.auth.ntlm.internal;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.MD4Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** The hash functions MS-NLMP 6 names: MD4, MD5 and HMAC_MD5, over concatenated inputs. */
public final class Digests {
    private Digests() {
    }

    static byte[] md4(byte[]... parts) {
        return digest(new MD4Digest(), parts);
    }

    public static byte[] md5(byte[]... parts) {
        return digest(new JdkMd5(), parts);
    }

    static byte[] hmacMd5(byte[] key, byte[]... parts) {
        HMac mac = keyedHmacMd5(key);
        for (byte[] part : parts) {
            mac.update(part, 0, part.length);
        }
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    /** HMAC_MD5 keyed once; each {@code doFinal} leaves it keyed for the next message. */
    static HMac keyedHmacMd5(byte[] key) {
        HMac mac = new HMac(new JdkMd5());
        mac.init(new KeyParameter(key));
        return mac;
    }

    private static byte[] digest(Digest digest, byte[]... parts) {
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }
}
