package io.hypervwsman.transport.auth.kerberos;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.Set;

/**
 * Digests of the encrypted part of every wrap token accepted in one direction, to refuse replays.
 *
 * <p>Why: JDK 17's JGSS does not check the outer token header against the encrypted header copy (RFC 4121
 * section 4.2.4), so the SND_SEQ it tracks is unauthenticated; a recorded token with a rewritten sequence
 * number passes its replay detection. The encrypted part is HMAC-protected and unique per message (random
 * confounder, sequence number in the header copy), so a repeat of it is a replay whatever the header says.
 * Costs 32 bytes (plus set overhead) per received message for the life of the session.
 */
final class ReceivedTokens {

    private final Set<ByteBuffer> seen = new HashSet<>();

    boolean contains(byte[] unrotatedToken) {
        return seen.contains(digest(unrotatedToken));
    }

    void add(byte[] unrotatedToken) {
        seen.add(digest(unrotatedToken));
    }

    private static ByteBuffer digest(byte[] unrotatedToken) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(unrotatedToken, WrapToken.HEADER_LENGTH, unrotatedToken.length - WrapToken.HEADER_LENGTH);
            return ByteBuffer.wrap(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
