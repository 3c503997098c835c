package io.hypervwsman.transport.auth.ntlm.internal;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.crypto.ExtendedDigest;

/**
 * The JDK's MD5 behind Bouncy Castle's digest interface, so that Bouncy Castle's HMAC runs on it: the JDK's MD5 is
 * compiled to an intrinsic on x86-64 and AArch64 (about twice Bouncy Castle's pure-Java MD5 per message, which
 * every sealed WinRM message pays twice). {@code MessageDigest} is not JCE, so no crypto policy is loaded at start-up.
 */
final class JdkMd5 implements ExtendedDigest {
    private static final int DIGEST_SIZE = 16;
    private static final int BLOCK_SIZE = 64;
    private final MessageDigest md5;

    JdkMd5() {
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no MD5, which NTLM needs", e);
        }
    }

    @Override
    public String getAlgorithmName() {
        return "MD5";
    }

    @Override
    public int getDigestSize() {
        return DIGEST_SIZE;
    }

    @Override
    public int getByteLength() {
        return BLOCK_SIZE;
    }

    @Override
    public void update(byte in) {
        md5.update(in);
    }

    @Override
    public void update(byte[] in, int offset, int length) {
        md5.update(in, offset, length);
    }

    @Override
    public int doFinal(byte[] out, int offset) {
        try {
            return md5.digest(out, offset, DIGEST_SIZE);
        } catch (DigestException e) {
            throw new IllegalStateException("no room for an MD5 digest", e);
        }
    }

    @Override
    public void reset() {
        md5.reset();
    }
}
