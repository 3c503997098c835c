package io.hypervwsman.transport.encryption;

import static io.hypervwsman.transport.encryption.EncryptionVectors.SPNEGO_CONTENT_TYPE;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.hypervwsman.HyperVWsManException;
import io.hypervwsman.transport.auth.SessionSecurity;
import java.util.Arrays;

/**
 * Jazzer target for the multipart/encrypted reader (MS-WSMV 2.2.9.1): whatever bytes and Content-Type a host
 * sends, decode returns a plaintext or throws a typed {@link HyperVWsManException}; nothing else escapes.
 * The first input byte picks the session security: the checking test one, or one that accepts any signature
 * so that the fuzzer also reaches the length checks behind it.
 */
class MultipartEncryptedDecodeFuzzTest {

    @FuzzTest
    void decode(byte[] input) {
        if (input.length == 0) {
            return;
        }
        SessionSecurity security = (input[0] & 1) == 0 ? XorSessionSecurity.spnego() : new AcceptingSecurity();
        byte[] body = Arrays.copyOfRange(input, 1, input.length);
        try {
            MultipartEncrypted.decode(SPNEGO_CONTENT_TYPE, body, security);
        } catch (HyperVWsManException expected) {
            // The documented refusal.
        }
    }

    @FuzzTest
    void contentType(String header) {
        try {
            MultipartEncrypted.decode(header, EncryptionVectors.hex("golden-spnego-seq0.hex"), new AcceptingSecurity());
        } catch (HyperVWsManException expected) {
            // The documented refusal.
        }
    }

    /** Unwraps without checking: the signature is taken as valid and the "sealed" bytes as the plaintext. */
    private static final class AcceptingSecurity implements SessionSecurity {
        @Override
        public String protocol() {
            return MultipartEncrypted.SPNEGO_PROTOCOL;
        }

        @Override
        public WrappedMessage wrap(byte[] plaintext) {
            return new WrappedMessage(new byte[XorSessionSecurity.SIGNATURE_LENGTH], plaintext.clone());
        }

        @Override
        public byte[] unwrap(byte[] signature, byte[] sealed) {
            return sealed.clone();
        }
    }
}
