package io.hypervwsman.transport.auth.kerberos;

import io.hypervwsman.MessageIntegrityException;
import java.util.Arrays;

/**
 * The byte layout of an RFC 4121 section 4.2.6.2 wrap token, and the RRC rotation of section 4.2.5. Header:
 * TOK_ID 05 04 | Flags | Filler FF | EC (2, big-endian) | RRC (2, big-endian) | SND_SEQ (8).
 * JGSS neither promises to write nor to read rotated tokens, so rotation happens here, outside it.
 */
final class WrapToken {

    static final int HEADER_LENGTH = 16;
    /** The confounder is one cipher block; 16 bytes for every AES enctype (RFC 3962, RFC 8009). */
    static final int CONFOUNDER_LENGTH = 16;

    private static final int FLAG_SEALED = 0x02;
    private static final int EC_OFFSET = 4;
    private static final int RRC_OFFSET = 6;

    private WrapToken() {
    }

    /** Whether {@code token} starts like an RFC 4121 wrap token with confidentiality. */
    static boolean isSealedRfc4121(byte[] token) {
        return token.length > HEADER_LENGTH
                && token[0] == 0x05 && token[1] == 0x04
                && (token[3] & 0xff) == 0xff
                && (token[2] & FLAG_SEALED) != 0;
    }

    static int rrc(byte[] token) {
        return (token[RRC_OFFSET] & 0xff) << 8 | token[RRC_OFFSET + 1] & 0xff;
    }

    static int ec(byte[] token) {
        return (token[EC_OFFSET] & 0xff) << 8 | token[EC_OFFSET + 1] & 0xff;
    }

    /**
     * Undoes any rotation: the part after the header rotated left by RRC (RFC 4121 section 4.2.5) and RRC set
     * to 0, which is what the encrypted header copy carries (section 4.2.4), so the outer header matches it.
     */
    static byte[] unrotated(byte[] token) {
        byte[] result = token.clone();
        int bodyLength = token.length - HEADER_LENGTH;
        int rotation = rrc(token) % bodyLength;
        for (int i = 0; i < bodyLength; i++) {
            result[HEADER_LENGTH + i] = token[HEADER_LENGTH + (i + rotation) % bodyLength];
        }
        setRrc(result, 0);
        return result;
    }

    /**
     * Rotates an RRC=0 token the way Windows does: everything after the encrypted plaintext (filler, encrypted
     * header copy, checksum; EC + 16 + checksum length bytes) moves right behind the header.
     */
    static byte[] rotatedForWindows(byte[] unrotatedToken, int plaintextLength) {
        int bodyLength = unrotatedToken.length - HEADER_LENGTH;
        int trailer = bodyLength - CONFOUNDER_LENGTH - plaintextLength;
        if (rrc(unrotatedToken) != 0 || trailer < HEADER_LENGTH + ec(unrotatedToken) || trailer > 0xffff) {
            throw new IllegalStateException("wrap token does not have the RFC 4121 AES layout");
        }
        byte[] result = unrotatedToken.clone();
        for (int i = 0; i < bodyLength; i++) {
            result[HEADER_LENGTH + (i + trailer) % bodyLength] = unrotatedToken[HEADER_LENGTH + i];
        }
        setRrc(result, trailer);
        return result;
    }

    /** WinRM's split: the signature part is all but the last {@code sealedLength} bytes. */
    static byte[][] split(byte[] token, int sealedLength) {
        int signatureLength = token.length - sealedLength;
        return new byte[][] {
            Arrays.copyOf(token, signatureLength),
            Arrays.copyOfRange(token, signatureLength, token.length)
        };
    }

    static byte[] join(byte[] signature, byte[] sealed) {
        byte[] token = Arrays.copyOf(signature, signature.length + sealed.length);
        System.arraycopy(sealed, 0, token, signature.length, sealed.length);
        return token;
    }

    static MessageIntegrityException notAWrapToken() {
        return new MessageIntegrityException("Kerberos reply is not a sealed RFC 4121 wrap token");
    }

    private static void setRrc(byte[] token, int rrc) {
        token[RRC_OFFSET] = (byte) (rrc >>> 8);
        token[RRC_OFFSET + 1] = (byte) rrc;
    }
}
