package io.hypervwsman.transport.encryption;

import static io.hypervwsman.transport.encryption.EncryptionVectors.SPNEGO_CONTENT_TYPE;
import static io.hypervwsman.transport.encryption.EncryptionVectors.hex;
import static io.hypervwsman.transport.encryption.EncryptionVectors.plaintext;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.MessageIntegrityException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reply's Content-Type must be multipart/encrypted for this session's protocol; anything else is refused. */
class MultipartEncryptedProtocolCheckTest {

    @Test
    void plaintextReplyWhileEncryptingIsADowngrade() {
        byte[] soap = plaintext();
        MessageIntegrityException e = assertThrows(MessageIntegrityException.class, () -> MultipartEncrypted.decode(
                "application/soap+xml;charset=UTF-8", soap, XorSessionSecurity.spnego()));
        assertTrue(e.getMessage().contains("downgrade"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "text/html", "multipart/x-multi-encrypted;protocol=\"application/HTTP-CredSSP-session-encrypted\""})
    void otherOrMissingMediaTypesAreRejected(String contentType) {
        assertThrows(MessageIntegrityException.class, () -> MultipartEncrypted.decode(
                contentType, hex("golden-spnego-seq0.hex"), XorSessionSecurity.spnego()));
        assertThrows(MessageIntegrityException.class, () -> MultipartEncrypted.decode(
                null, hex("golden-spnego-seq0.hex"), XorSessionSecurity.spnego()));
    }

    @Test
    void kerberosReplyToSpnegoSessionIsRejected() {
        MessageIntegrityException e = assertThrows(MessageIntegrityException.class, () -> MultipartEncrypted.decode(
                EncryptionVectors.KERBEROS_CONTENT_TYPE, hex("golden-kerberos-seq0.hex"), XorSessionSecurity.spnego()));
        assertTrue(e.getMessage().contains("does not match"), e.getMessage());
    }

    @Test
    void kerberosProtocolIsAcceptedForKerberosSession() {
        XorSessionSecurity kerberos = new XorSessionSecurity(MultipartEncrypted.KERBEROS_PROTOCOL, 0x5a);
        assertArrayEquals(plaintext(), MultipartEncrypted.decode(
                EncryptionVectors.KERBEROS_CONTENT_TYPE, hex("golden-kerberos-seq0.hex"), kerberos));
    }

    @Test
    void innerPartProtocolMustMatchTheHeader() {
        // Header says SPNEGO, first part says Kerberos.
        MessageIntegrityException e = assertThrows(MessageIntegrityException.class, () -> MultipartEncrypted.decode(
                SPNEGO_CONTENT_TYPE, hex("golden-kerberos-seq0.hex"), XorSessionSecurity.spnego()));
        assertTrue(e.getMessage().contains("Content-Type"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "multipart/encrypted;boundary=\"Encrypted Boundary\"",
        "multipart/encrypted;protocol=\"application/HTTP-SPNEGO-session-encrypted\"",
        "multipart/encrypted;protocol=\"application/HTTP-SPNEGO-session-encrypted\";boundary=\"Other Boundary\"",
        "multipart/encrypted;protocol=\"application/HTTP-SPNEGO-session-encrypted\";boundary=\"\"",
        "multipart/encrypted;protocol=\"application/HTTP-SPNEGO-session-encrypted\";boundary=\"Encrypted Boundary",
        "multipart/encrypted;protocol=application/HTTP-SPNEGO-session-encrypted;boundary=Encrypted Boundary",
        "multipart/encrypted;protocol=\"a\";protocol=\"application/HTTP-SPNEGO-session-encrypted\";boundary=\"Encrypted Boundary\"",
    })
    void missingMismatchedOrAmbiguousParametersAreRejected(String contentType) {
        assertThrows(MessageIntegrityException.class, () -> MultipartEncrypted.decode(
                contentType, hex("golden-spnego-seq0.hex"), XorSessionSecurity.spnego()));
    }
}
