package io.hypervwsman.transport.auth.ntlm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.MessageIntegrityException;
import io.hypervwsman.transport.auth.SessionSecurity;
import io.hypervwsman.transport.auth.SessionSecurity.WrappedMessage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tampered, replayed, reordered or reflected messages fail to unwrap, and the session then stays dead. */
class SessionIntegrityFailureTest {
    private SessionSecurity client;
    private SessionSecurity server;
    private WrappedMessage first;
    private WrappedMessage second;

    @BeforeEach
    void authenticate() {
        NtlmFixture.Handshake h = NtlmFixture.handshake();
        h.server().accept(h.authenticate());
        client = h.client().sessionSecurity();
        server = h.server().sessionSecurity();
        first = client.wrap(bytes("<s:Envelope>first</s:Envelope>"));
        second = client.wrap(bytes("<s:Envelope>second</s:Envelope>"));
    }

    @Test
    void tamperedCiphertext() {
        byte[] sealed = first.sealed();
        sealed[5] ^= 0x20;
        assertFails(first.signature(), sealed, "signature does not verify");
    }

    @Test
    void tamperedChecksum() {
        byte[] signature = first.signature();
        signature[7] ^= 0x01;
        assertFails(signature, first.sealed(), "signature does not verify");
    }

    @Test
    void unknownSignatureVersion() {
        byte[] signature = first.signature();
        signature[0] = 2;
        assertFails(signature, first.sealed(), "unknown version");
    }

    @Test
    void truncatedSignature() {
        assertFails(Arrays.copyOf(first.signature(), 15), first.sealed(), "must be 16 bytes");
    }

    @Test
    void skippedMessage() {
        assertFails(second.signature(), second.sealed(), "expected sequence number 0 but the message carries 1");
    }

    @Test
    void replayedMessage() {
        assertArrayEquals(bytes("<s:Envelope>first</s:Envelope>"), server.unwrap(first.signature(), first.sealed()));
        assertFails(first.signature(), first.sealed(), "expected sequence number 1 but the message carries 0");
    }

    @Test
    void replayWithRewrittenSequenceNumber() {
        server.unwrap(first.signature(), first.sealed());
        byte[] signature = first.signature();
        signature[12] = 1;
        assertFails(signature, first.sealed(), "signature does not verify");
    }

    @Test
    void reflectedMessage() {
        MessageIntegrityException e = assertThrows(MessageIntegrityException.class,
                () -> client.unwrap(first.signature(), first.sealed()));
        assertTrue(e.getMessage().contains("signature does not verify"), e.getMessage());
    }

    @Test
    void sessionIsDeadAfterAFailure() {
        byte[] sealed = first.sealed();
        sealed[0] ^= 1;
        assertFails(first.signature(), sealed, "signature does not verify");
        // Even the genuine next message must not unwrap: the receiving RC4 stream is out of step.
        MessageIntegrityException e = assertThrows(MessageIntegrityException.class,
                () -> server.unwrap(second.signature(), second.sealed()));
        assertTrue(e.getMessage().contains("unusable after an earlier integrity failure"), e.getMessage());
        assertThrows(MessageIntegrityException.class, () -> server.wrap(bytes("reply")));
        assertTrue(server.toString().contains("failed"), server.toString());
    }

    private void assertFails(byte[] signature, byte[] sealed, String expectedMessagePart) {
        MessageIntegrityException e = assertThrows(MessageIntegrityException.class,
                () -> server.unwrap(signature, sealed));
        assertTrue(e.getMessage().contains(expectedMessagePart), e.getMessage());
        assertThrows(MessageIntegrityException.class, () -> server.unwrap(second.signature(), second.sealed()));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
