package io.hypervwsman.transport.encryption;

import static io.hypervwsman.transport.encryption.EncryptionVectors.SPNEGO_CONTENT_TYPE;
import static io.hypervwsman.transport.encryption.EncryptionVectors.hex;
import static io.hypervwsman.transport.encryption.EncryptionVectors.plaintext;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hypervwsman.MessageIntegrityException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Unambiguous whitespace variants decode; bytes that could belong to the binary payload do not. */
class MultipartEncryptedWhitespaceToleranceTest {

    @ParameterizedTest
    @ValueSource(strings = {"variant-no-tabs.hex", "variant-lf-only.hex", "variant-no-final-crlf.hex",
        "variant-extra-final-crlf.hex", "variant-spaces.hex", "variant-reordered.hex"})
    void toleratedBodyVariantsDecode(String vector) {
        assertArrayEquals(plaintext(),
                MultipartEncrypted.decode(SPNEGO_CONTENT_TYPE, hex(vector), XorSessionSecurity.spnego()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"reject-crlf-before-closing.hex", "reject-blank-line-before-payload.hex"})
    void ambiguousBodyVariantsAreRejected(String vector) {
        assertThrows(MessageIntegrityException.class,
                () -> MultipartEncrypted.decode(SPNEGO_CONTENT_TYPE, hex(vector), XorSessionSecurity.spnego()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "multipart/encrypted;protocol=\"application/HTTP-SPNEGO-session-encrypted\";boundary=\"Encrypted Boundary\"",
        "Multipart/Encrypted; Protocol=\"application/http-spnego-session-encrypted\"; Boundary=\"Encrypted Boundary\"",
        "multipart/encrypted ;protocol=\"application/HTTP-SPNEGO-session-encrypted\" ;boundary=\"Encrypted Boundary\";",
        "multipart/encrypted;boundary=\"Encrypted Boundary\";protocol=application/HTTP-SPNEGO-session-encrypted",
    })
    void toleratedContentTypeVariantsDecode(String contentType) {
        assertArrayEquals(plaintext(),
                MultipartEncrypted.decode(contentType, hex("golden-spnego-seq0.hex"), XorSessionSecurity.spnego()));
    }

    @Test
    void unquotedBoundaryFromHeaderIsUsedForTheBody() {
        byte[] body = new String(hex("golden-spnego-seq0.hex"), StandardCharsets.ISO_8859_1)
                .replace("Encrypted Boundary", "EncBoundary42")
                .getBytes(StandardCharsets.ISO_8859_1);
        String contentType = "multipart/encrypted;protocol=\"application/HTTP-SPNEGO-session-encrypted\";boundary=EncBoundary42";

        assertArrayEquals(plaintext(), MultipartEncrypted.decode(contentType, body, XorSessionSecurity.spnego()));
    }
}
