package io.hypervwsman.transport.encryption;

import static io.hypervwsman.transport.encryption.EncryptionVectors.hex;
import static io.hypervwsman.transport.encryption.EncryptionVectors.plaintext;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The encoder writes, byte for byte, the MS-WSMV 2.2.9.1 bodies that generate.py builds from the spec. */
class MultipartEncryptedGoldenTest {

    @Test
    void encodesSpnegoBodyExactly() {
        EncryptedMessage message = MultipartEncrypted.encode(plaintext(), XorSessionSecurity.spnego());

        assertEquals(EncryptionVectors.SPNEGO_CONTENT_TYPE, message.contentType());
        assertArrayEquals(hex("golden-spnego-seq0.hex"), message.body());
    }

    @Test
    void encodesKerberosBodyExactly() {
        XorSessionSecurity kerberos = new XorSessionSecurity(MultipartEncrypted.KERBEROS_PROTOCOL, 0x5a);

        EncryptedMessage message = MultipartEncrypted.encode(plaintext(), kerberos);

        assertEquals(EncryptionVectors.KERBEROS_CONTENT_TYPE, message.contentType());
        assertArrayEquals(hex("golden-kerberos-seq0.hex"), message.body());
    }

    @Test
    void secondMessageCarriesNextSequenceNumber() {
        XorSessionSecurity client = XorSessionSecurity.spnego();
        MultipartEncrypted.encode(plaintext(), client);

        assertArrayEquals(hex("golden-spnego-seq1.hex"), MultipartEncrypted.encode(plaintext(), client).body());
    }

    @Test
    void decodesGoldenBodies() {
        XorSessionSecurity server = XorSessionSecurity.spnego();

        assertArrayEquals(plaintext(),
                MultipartEncrypted.decode(EncryptionVectors.SPNEGO_CONTENT_TYPE, hex("golden-spnego-seq0.hex"), server));
        assertArrayEquals(plaintext(),
                MultipartEncrypted.decode(EncryptionVectors.SPNEGO_CONTENT_TYPE, hex("golden-spnego-seq1.hex"), server));
    }

    @Test
    void encodedValueIsImmutable() {
        EncryptedMessage message = MultipartEncrypted.encode(plaintext(), XorSessionSecurity.spnego());
        message.body()[0] = 'X';

        assertArrayEquals(hex("golden-spnego-seq0.hex"), message.body());
        assertEquals(message.body().length, message.length());
    }
}
