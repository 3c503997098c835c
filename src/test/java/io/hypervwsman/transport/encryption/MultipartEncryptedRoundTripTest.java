package io.hypervwsman.transport.encryption;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.MessageIntegrityException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What one side encodes the other decodes to the same bytes, in order, in both directions. */
class MultipartEncryptedRoundTripTest {

    private final XorSessionSecurity client = XorSessionSecurity.spnego();
    private final XorSessionSecurity server = XorSessionSecurity.spnego();

    @Test
    void requestsAndRepliesRoundTripInSequence() {
        for (int i = 0; i < 5; i++) {
            byte[] request = ("<s:Envelope>request " + i + "</s:Envelope>").getBytes(StandardCharsets.UTF_8);
            byte[] reply = ("<s:Envelope>reply " + i + " \u00e9\u4e2d</s:Envelope>").getBytes(StandardCharsets.UTF_8);

            assertArrayEquals(request, roundTrip(request, client, server));
            assertArrayEquals(reply, roundTrip(reply, server, client));
        }
    }

    @Test
    void emptyAndLargeBinaryPayloadsRoundTrip() {
        byte[] large = new byte[1 << 20];
        new Random(42).nextBytes(large);

        assertArrayEquals(new byte[0], roundTrip(new byte[0], client, server));
        assertArrayEquals(large, roundTrip(large, client, server));
    }

    @Test
    void boundaryBytesInsideTheSealedPayloadDoNotEndIt() {
        // Key 0 leaves the "sealed" bytes equal to the plaintext, so the body really contains the delimiters.
        XorSessionSecurity identitySender = new XorSessionSecurity(MultipartEncrypted.SPNEGO_PROTOCOL, 0);
        XorSessionSecurity identityReceiver = new XorSessionSecurity(MultipartEncrypted.SPNEGO_PROTOCOL, 0);
        byte[] tricky = "--Encrypted Boundary\r\n--Encrypted Boundary--\r\n<x/>".getBytes(StandardCharsets.US_ASCII);

        EncryptedMessage message = MultipartEncrypted.encode(tricky, identitySender);

        assertTrue(new String(message.body(), StandardCharsets.ISO_8859_1).contains("--Encrypted Boundary--\r\n<x/>"));
        assertArrayEquals(tricky, MultipartEncrypted.decode(message.contentType(), message.body(), identityReceiver));
    }

    @Test
    void replayedMessageIsRejectedBySessionSecurity() {
        EncryptedMessage message = MultipartEncrypted.encode("<a/>".getBytes(StandardCharsets.UTF_8), client);
        MultipartEncrypted.decode(message.contentType(), message.body(), server);

        assertThrows(MessageIntegrityException.class,
                () -> MultipartEncrypted.decode(message.contentType(), message.body(), server));
    }

    private static byte[] roundTrip(byte[] plaintext, XorSessionSecurity sender, XorSessionSecurity receiver) {
        EncryptedMessage message = MultipartEncrypted.encode(plaintext, sender);
        return MultipartEncrypted.decode(message.contentType(), message.body(), receiver);
    }
}
