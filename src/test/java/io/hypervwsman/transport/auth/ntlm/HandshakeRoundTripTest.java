package io.hypervwsman.transport.auth.ntlm;

import io.hypervwsman.transport.auth.ntlm.internal.NtlmSessionSecurity;

import io.hypervwsman.transport.auth.ntlm.internal.NtlmSignature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.transport.auth.SessionSecurity;
import io.hypervwsman.transport.auth.SessionSecurity.WrappedMessage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A client and a server with fixed nonces and clock authenticate and then exchange sealed messages. */
class HandshakeRoundTripTest {

    @Test
    void serverAcceptsAndBothSidesHoldTheClientsSessionKey() {
        NtlmFixture.Handshake h = NtlmFixture.handshake();
        h.server().accept(h.authenticate());
        assertTrue(h.client().isComplete());
        assertTrue(h.server().isComplete());
        assertArrayEquals(NtlmFixture.SESSION_KEY, h.client().exportedSessionKey());
        assertArrayEquals(h.client().exportedSessionKey(), h.server().exportedSessionKey());
        assertEquals(NtlmFixture.DOMAIN, h.server().authenticatedDomain());
        assertEquals(NtlmFixture.USER, h.server().authenticatedUser());
        assertEquals(NtlmSessionSecurity.PROTOCOL, h.client().sessionSecurity().protocol());
        assertSame(h.client().sessionSecurity(), h.client().sessionSecurity());
    }

    @Test
    void handshakeIsDeterministicWithFixedNoncesAndClock() {
        NtlmFixture.Handshake first = NtlmFixture.handshake();
        NtlmFixture.Handshake second = NtlmFixture.handshake();
        assertArrayEquals(first.challenge(), second.challenge());
        assertArrayEquals(first.authenticate(), second.authenticate());
    }

    @Test
    void threeMessagesEachWaySealAndUnsealWithAdvancingSequenceNumbers() {
        NtlmFixture.Handshake h = NtlmFixture.handshake();
        h.server().accept(h.authenticate());
        SessionSecurity client = h.client().sessionSecurity();
        SessionSecurity server = h.server().sessionSecurity();
        for (int seq = 0; seq < 3; seq++) {
            byte[] request = ("<s:Envelope>request " + seq + "</s:Envelope>").getBytes(StandardCharsets.UTF_8);
            WrappedMessage sent = client.wrap(request);
            assertEquals(seq, NtlmSignature.parse(sent.signature()).sequenceNumber());
            assertFalse(Arrays.equals(request, sent.sealed()));
            assertArrayEquals(request, server.unwrap(sent.signature(), sent.sealed()));

            byte[] reply = ("<s:Envelope>reply " + seq + "</s:Envelope>").getBytes(StandardCharsets.UTF_8);
            WrappedMessage answered = server.wrap(reply);
            assertEquals(seq, NtlmSignature.parse(answered.signature()).sequenceNumber());
            assertArrayEquals(reply, client.unwrap(answered.signature(), answered.sealed()));
        }
        assertEquals("NtlmSessionSecurity[client, sent=3, received=3]", client.toString());
    }

    @Test
    void rc4StreamRunsAcrossMessagesInsteadOfBeingRekeyed() {
        NtlmFixture.Handshake h = NtlmFixture.handshake();
        h.server().accept(h.authenticate());
        byte[] same = "identical".getBytes(StandardCharsets.UTF_8);
        WrappedMessage first = h.client().sessionSecurity().wrap(same);
        WrappedMessage second = h.client().sessionSecurity().wrap(same);
        assertFalse(Arrays.equals(first.sealed(), second.sealed()));
        assertArrayEquals(same, h.server().sessionSecurity().unwrap(first.signature(), first.sealed()));
        assertArrayEquals(same, h.server().sessionSecurity().unwrap(second.signature(), second.sealed()));
    }

    @Test
    void directionsUseDifferentKeys() {
        NtlmFixture.Handshake h = NtlmFixture.handshake();
        h.server().accept(h.authenticate());
        byte[] message = "same bytes both ways".getBytes(StandardCharsets.UTF_8);
        WrappedMessage fromClient = h.client().sessionSecurity().wrap(message);
        WrappedMessage fromServer = h.server().sessionSecurity().wrap(message);
        assertFalse(Arrays.equals(fromClient.sealed(), fromServer.sealed()));
        assertFalse(Arrays.equals(fromClient.signature(), fromServer.signature()));
    }

    @Test
    void emptyMessageRoundTrips() {
        NtlmFixture.Handshake h = NtlmFixture.handshake();
        h.server().accept(h.authenticate());
        WrappedMessage sent = h.client().sessionSecurity().wrap(new byte[0]);
        assertEquals(16, sent.signature().length);
        assertArrayEquals(new byte[0], h.server().sessionSecurity().unwrap(sent.signature(), sent.sealed()));
    }

    @Test
    void channelBindingsAcceptedWhenBothSidesAgree() {
        byte[] bindings = TestVectors.load("channel-bindings.properties").hex("sha256-rsa");
        NtlmFixture.Handshake h = NtlmFixture.handshake(NtlmFixture.client().channelBindings(bindings),
                NtlmFixture.server().expectedChannelBindings(bindings));
        h.server().accept(h.authenticate());
        assertTrue(h.server().isComplete());
    }
}
