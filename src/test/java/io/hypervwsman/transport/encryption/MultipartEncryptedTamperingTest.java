package io.hypervwsman.transport.encryption;

import static io.hypervwsman.transport.encryption.EncryptionVectors.SPNEGO_CONTENT_TYPE;
import static io.hypervwsman.transport.encryption.EncryptionVectors.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.MessageIntegrityException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Altered lengths, signatures, ciphertext or delimiters are detected before or by unsealing. */
class MultipartEncryptedTamperingTest {

    private static final byte[] GOLDEN = hex("golden-spnego-seq0.hex");
    private static final String OCTET_LINE = "\tContent-Type: application/octet-stream\r\n";
    private static final int LENGTH_OFFSET = indexOf(GOLDEN, OCTET_LINE) + OCTET_LINE.length();

    @Test
    void goldenDecodesUntouched() {
        assertArrayEquals(EncryptionVectors.plaintext(), decode(GOLDEN));
    }

    @Test
    void signatureLengthOffByOneIsRejected() {
        for (int delta : new int[] {-1, 1}) {
            byte[] tampered = GOLDEN.clone();
            tampered[LENGTH_OFFSET] += delta;
            assertThrows(MessageIntegrityException.class, () -> decode(tampered), "delta " + delta);
        }
    }

    @Test
    void signatureLengthBeyondPayloadIsRejectedWithoutAllocating() {
        int payload = GOLDEN.length - LENGTH_OFFSET - 4 - "--Encrypted Boundary--\r\n".length();
        for (long declared : new long[] {payload + 1L, 0x7fffffffL, 0xffffffffL}) {
            byte[] tampered = withSignatureLength(declared);
            MessageIntegrityException e = assertThrows(MessageIntegrityException.class, () -> decode(tampered));
            assertTrue(e.getMessage().contains("signature length"), e.getMessage());
        }
    }

    @Test
    void flippedCiphertextOrSignatureByteIsRejected() {
        int sealedStart = LENGTH_OFFSET + 4 + XorSessionSecurity.SIGNATURE_LENGTH;
        for (int offset : new int[] {LENGTH_OFFSET + 4, LENGTH_OFFSET + 8, sealedStart, sealedStart + 100}) {
            byte[] tampered = GOLDEN.clone();
            tampered[offset] ^= 0x01;
            assertThrows(MessageIntegrityException.class, () -> decode(tampered), "offset " + offset);
        }
    }

    @Test
    void declaredLengthThatDiffersFromUnsealedLengthIsRejected() {
        int length = EncryptionVectors.plaintext().length;
        for (String declared : new String[] {String.valueOf(length - 1), String.valueOf(length + 1), "0"}) {
            byte[] tampered = replace(GOLDEN, "Length=" + length, "Length=" + declared);
            MessageIntegrityException e = assertThrows(MessageIntegrityException.class, () -> decode(tampered));
            assertTrue(e.getMessage().contains("Length"), e.getMessage());
        }
    }

    @Test
    void absurdOrMalformedDeclaredLengthIsRejected() {
        int length = EncryptionVectors.plaintext().length;
        for (String declared : new String[] {"2147483648", "99999999999", "-1", "0x10", "", "1 2"}) {
            byte[] tampered = replace(GOLDEN, "Length=" + length, "Length=" + declared);
            assertThrows(MessageIntegrityException.class, () -> decode(tampered), "Length=" + declared);
        }
    }

    @Test
    void missingOrDamagedClosingDelimiterIsRejected() {
        byte[] withoutClosing = Arrays.copyOf(GOLDEN, GOLDEN.length - "--Encrypted Boundary--\r\n".length());
        byte[] openOnly = replace(GOLDEN, "--Encrypted Boundary--\r\n", "--Encrypted Boundary\r\n");
        byte[] otherBoundary = replace(GOLDEN, "--Encrypted Boundary--\r\n", "--Encrypted Boundarx--\r\n");
        byte[] trailingGarbage = concat(GOLDEN, "x".getBytes(StandardCharsets.US_ASCII));

        for (byte[] body : new byte[][] {withoutClosing, openOnly, otherBoundary, trailingGarbage}) {
            MessageIntegrityException e = assertThrows(MessageIntegrityException.class, () -> decode(body));
            assertTrue(e.getMessage().contains("closing boundary"), e.getMessage());
        }
    }

    @Test
    void wrongPartStructureIsRejected() {
        byte[] missingOriginalContent = removeLine(GOLDEN, "\tOriginalContent:");
        byte[] duplicatedHeader = replace(GOLDEN, "\tOriginalContent:", "\tContent-Type: x\r\n\tOriginalContent:");
        byte[] wrongPayloadType = replace(GOLDEN, "application/octet-stream", "application/octet-streax");
        byte[] wrongOriginalType = replace(GOLDEN, "type=application/soap+xml", "type=text/plain");
        byte[] unknownHeader = replace(GOLDEN, "\tOriginalContent:", "\tX-Extra: 1\r\n\tOriginalContent:");

        for (byte[] body : new byte[][] {missingOriginalContent, duplicatedHeader, wrongPayloadType,
                wrongOriginalType, unknownHeader}) {
            assertThrows(MessageIntegrityException.class, () -> decode(body));
        }
    }

    private static byte[] decode(byte[] body) {
        return MultipartEncrypted.decode(SPNEGO_CONTENT_TYPE, body, XorSessionSecurity.spnego());
    }

    private static byte[] withSignatureLength(long value) {
        byte[] tampered = GOLDEN.clone();
        for (int i = 0; i < 4; i++) {
            tampered[LENGTH_OFFSET + i] = (byte) (value >>> (8 * i));
        }
        return tampered;
    }

    static int indexOf(byte[] haystack, String needle) {
        byte[] bytes = needle.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + bytes.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + bytes.length, bytes, 0, bytes.length)) {
                return i;
            }
        }
        throw new AssertionError("'" + needle + "' not in body");
    }

    static byte[] replace(byte[] body, String from, String to) {
        int at = indexOf(body, from);
        return concat(Arrays.copyOf(body, at), to.getBytes(StandardCharsets.US_ASCII),
                Arrays.copyOfRange(body, at + from.length(), body.length));
    }

    private static byte[] removeLine(byte[] body, String start) {
        int at = indexOf(body, start);
        int lineEnd = at;
        while (body[lineEnd] != '\n') {
            lineEnd++;
        }
        return concat(Arrays.copyOf(body, at), Arrays.copyOfRange(body, lineEnd + 1, body.length));
    }

    static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] result = new byte[length];
        int pos = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, result, pos, part.length);
            pos += part.length;
        }
        return result;
    }
}
