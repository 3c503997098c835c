package io.hypervwsman.transport.encryption;

import static io.hypervwsman.transport.encryption.EncryptionVectors.SPNEGO_CONTENT_TYPE;
import static io.hypervwsman.transport.encryption.EncryptionVectors.hex;
import static io.hypervwsman.transport.encryption.EncryptionVectors.plaintext;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hypervwsman.MessageIntegrityException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A body cut short anywhere is a MessageIntegrityException, never an index exception or a partial message. */
class MultipartEncryptedTruncationTest {

    private static final byte[] GOLDEN = hex("golden-spnego-seq0.hex");
    private static final int OPTIONAL_TRAILING_CRLF = 2;

    @Test
    void everyTruncationBeforeTheClosingDelimiterEndsIsRejected() {
        for (int length = 0; length < GOLDEN.length - OPTIONAL_TRAILING_CRLF; length++) {
            byte[] truncated = Arrays.copyOf(GOLDEN, length);
            assertThrows(MessageIntegrityException.class,
                    () -> MultipartEncrypted.decode(SPNEGO_CONTENT_TYPE, truncated, XorSessionSecurity.spnego()),
                    "truncated to " + length + " bytes");
        }
    }

    @Test
    void losingOnlyTheFinalLineBreakIsHarmless() {
        for (int length = GOLDEN.length - OPTIONAL_TRAILING_CRLF; length <= GOLDEN.length; length++) {
            byte[] truncated = Arrays.copyOf(GOLDEN, length);
            assertArrayEquals(plaintext(),
                    MultipartEncrypted.decode(SPNEGO_CONTENT_TYPE, truncated, XorSessionSecurity.spnego()));
        }
    }

    @Test
    void emptyAndMissingBodiesAreRejected() {
        assertThrows(MessageIntegrityException.class,
                () -> MultipartEncrypted.decode(SPNEGO_CONTENT_TYPE, new byte[0], XorSessionSecurity.spnego()));
        assertThrows(MessageIntegrityException.class,
                () -> MultipartEncrypted.decode(SPNEGO_CONTENT_TYPE, null, XorSessionSecurity.spnego()));
    }
}
