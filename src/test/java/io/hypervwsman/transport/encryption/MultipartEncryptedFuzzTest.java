package io.hypervwsman.transport.encryption;

import static io.hypervwsman.transport.encryption.EncryptionVectors.SPNEGO_CONTENT_TYPE;
import static io.hypervwsman.transport.encryption.EncryptionVectors.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.hypervwsman.MessageIntegrityException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random damage (fixed seed) yields the original plaintext or a MessageIntegrityException, nothing else. */
class MultipartEncryptedFuzzTest {

    private static final byte[] GOLDEN = hex("golden-spnego-seq0.hex");

    @Test
    void randomMutationsNeverEscapeAsUncheckedExceptions() {
        Random random = new Random(20_26_11_24L);
        int rejected = 0;
        for (int round = 0; round < 5_000; round++) {
            byte[] mutated = mutate(GOLDEN, random);
            try {
                byte[] plaintext = MultipartEncrypted.decode(SPNEGO_CONTENT_TYPE, mutated, XorSessionSecurity.spnego());
                assertArrayEquals(EncryptionVectors.plaintext(), plaintext, "accepted a changed message");
            } catch (MessageIntegrityException expected) {
                rejected++;
            } catch (RuntimeException e) {
                fail("round " + round + " escaped with " + e, e);
            }
        }
        // Mutations only rarely land in tolerated whitespace; nearly all must be refused.
        assertTrue(rejected > 4_500, "rejected " + rejected);
    }

    private static byte[] mutate(byte[] body, Random random) {
        byte[] copy = body.clone();
        switch (random.nextInt(4)) {
            case 0 -> copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
            case 1 -> copy = Arrays.copyOf(copy, random.nextInt(copy.length));
            case 2 -> {
                int at = random.nextInt(copy.length);
                copy = splice(copy, at, random.nextInt(8), randomBytes(random, random.nextInt(8)));
            }
            default -> {
                for (int i = 0; i < 4; i++) {
                    copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
        }
        return copy;
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Replaces {@code removed} bytes at {@code at} with {@code inserted}. */
    private static byte[] splice(byte[] body, int at, int removed, byte[] inserted) {
        int cut = Math.min(body.length, at + removed);
        return MultipartEncryptedTamperingTest.concat(Arrays.copyOf(body, at), inserted,
                Arrays.copyOfRange(body, cut, body.length));
    }
}
