package io.hypervwsman.transport.auth.ntlm.internal;

import io.hypervwsman.transport.auth.ntlm.NtlmClientContext;
import io.hypervwsman.transport.auth.ntlm.NtlmFixture;


import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.hypervwsman.AuthenticationException;
import io.hypervwsman.MessageIntegrityException;
import io.hypervwsman.transport.auth.SessionSecurity;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Hostile bytes in any handshake message or session signature produce only our typed exceptions:
 * every truncation of a valid message, every single-byte corruption, and seeded random noise.
 */
class MalformedMessageTest {
    private static final long SEED = 0x4E544C4DL;
    private static final int[] CORRUPTIONS = {0x00, 0xFF, 0x80, 0x01};

    private final NtlmFixture.Handshake valid = NtlmFixture.handshake();

    @Test
    void challengeTruncatedAtEveryLength() {
        for (int length = 0; length < valid.challenge().length; length++) {
            byte[] truncated = Arrays.copyOf(valid.challenge(), length);
            assertThrows(AuthenticationException.class, () -> freshClient().authenticate(truncated),
                    "CHALLENGE truncated to " + length);
        }
    }

    @Test
    void challengeWithAnyByteCorruptedFailsTypedOrStillWorks() {
        forEachCorruption(valid.challenge(), corrupted -> freshClient().authenticate(corrupted), AuthenticationException.class);
    }

    @Test
    void challengeOfRandomBytes() {
        forEachRandomMessage(ChallengeMessage.TYPE, bytes -> freshClient().authenticate(bytes), AuthenticationException.class);
    }

    @Test
    void authenticateTruncatedAtEveryLength() {
        for (int length = 0; length < valid.authenticate().length; length++) {
            byte[] truncated = Arrays.copyOf(valid.authenticate(), length);
            assertThrows(AuthenticationException.class,
                    () -> NtlmFixture.waitingServer(valid.negotiate()).accept(truncated),
                    "AUTHENTICATE truncated to " + length);
        }
    }

    @Test
    void authenticateWithAnyByteCorruptedIsRejected() {
        // The MIC covers every byte but itself, and a corrupted MIC does not verify: nothing may pass.
        byte[] message = valid.authenticate();
        for (int i = 0; i < message.length; i++) {
            for (int value : CORRUPTIONS) {
                byte[] corrupted = message.clone();
                corrupted[i] = (byte) (message[i] == (byte) value ? ~value : value);
                int at = i;
                assertThrows(AuthenticationException.class,
                        () -> NtlmFixture.waitingServer(valid.negotiate()).accept(corrupted),
                        "AUTHENTICATE corrupted at " + at);
            }
        }
    }

    @Test
    void authenticateOfRandomBytes() {
        forEachRandomMessage(AuthenticateMessage.TYPE, bytes -> NtlmFixture.waitingServer(valid.negotiate()).accept(bytes),
                AuthenticationException.class);
    }

    @Test
    void negotiateTruncatedCorruptedOrRandom() {
        Consumer<byte[]> challenge = bytes -> NtlmFixture.server().build().challenge(bytes);
        for (int length = 0; length < valid.negotiate().length; length++) {
            expectOnly(AuthenticationException.class, challenge, Arrays.copyOf(valid.negotiate(), length));
        }
        forEachCorruption(valid.negotiate(), challenge, AuthenticationException.class);
        forEachRandomMessage(NegotiateMessage.TYPE, challenge, AuthenticationException.class);
    }

    @Test
    void targetInfoOfRandomBytes() {
        Random random = new Random(SEED);
        for (int i = 0; i < 2000; i++) {
            byte[] bytes = new byte[random.nextInt(64)];
            random.nextBytes(bytes);
            expectOnly(AuthenticationException.class, TargetInfo::parse, bytes);
        }
        assertThrows(AuthenticationException.class, () -> TargetInfo.parse(new byte[] {1, 0, 2, 0, 'A', 0}));
        assertThrows(AuthenticationException.class, () -> TargetInfo.parse(new byte[] {7, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0}));
    }

    @Test
    void sessionSignatureAndCiphertextOfRandomBytes() {
        Random random = new Random(SEED);
        for (int i = 0; i < 500; i++) {
            NtlmFixture.Handshake h = NtlmFixture.handshake();
            h.server().accept(h.authenticate());
            SessionSecurity server = h.server().sessionSecurity();
            byte[] signature = new byte[random.nextInt(3) == 0 ? random.nextInt(32) : 16];
            random.nextBytes(signature);
            if (signature.length == 16 && random.nextBoolean()) {
                signature[0] = 1;
                Arrays.fill(signature, 1, 4, (byte) 0);
            }
            byte[] sealed = new byte[random.nextInt(100)];
            random.nextBytes(sealed);
            assertThrows(MessageIntegrityException.class, () -> server.unwrap(signature, sealed));
        }
        NtlmFixture.Handshake h = NtlmFixture.handshake();
        h.server().accept(h.authenticate());
        assertThrows(MessageIntegrityException.class, () -> h.server().sessionSecurity().unwrap(null, new byte[0]));
        assertThrows(MessageIntegrityException.class, () -> h.server().sessionSecurity().unwrap(new byte[16], null));
    }

    @Test
    void challengeWhoseTargetInfoLeavesNoRoomForTheClientsPairs() {
        TargetInfo huge = TargetInfo.of(List.of(new AvPair(0x7F, new byte[65_480])));
        byte[] challenge = new ChallengeMessage(NegotiateFlags.CLIENT_DEFAULT.with(NegotiateFlag.TARGET_INFO),
                NtlmFixture.SERVER_CHALLENGE, "", huge, null).toBytes();
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> freshClient().authenticate(challenge));
        assertTrue(e.getMessage().contains("too large"), e.getMessage());
    }

    @Test
    void nullMessagesAreTyped() {
        assertThrows(AuthenticationException.class, () -> freshClient().authenticate(null));
        assertThrows(AuthenticationException.class, () -> NtlmFixture.waitingServer(valid.negotiate()).accept(null));
        assertThrows(AuthenticationException.class, () -> NtlmFixture.server().build().challenge(null));
    }

    private static NtlmClientContext freshClient() {
        NtlmClientContext client = NtlmFixture.client().build();
        client.negotiate();
        return client;
    }

    private static void forEachCorruption(byte[] message, Consumer<byte[]> parse, Class<? extends RuntimeException> type) {
        int outcomes = 0;
        for (int i = 0; i < message.length; i++) {
            for (int value : CORRUPTIONS) {
                byte[] corrupted = message.clone();
                corrupted[i] = (byte) (message[i] == (byte) value ? ~value : value);
                outcomes += expectOnly(type, parse, corrupted) ? 1 : 0;
            }
        }
        assertTrue(outcomes > 0, "no corruption was rejected at all; the check is not exercising the parser");
    }

    /** Half the messages get a valid signature and type so that parsing reaches the fields. */
    private static void forEachRandomMessage(int type, Consumer<byte[]> parse, Class<? extends RuntimeException> expected) {
        Random random = new Random(SEED + type);
        for (int i = 0; i < 3000; i++) {
            byte[] bytes = new byte[random.nextInt(200)];
            random.nextBytes(bytes);
            if (bytes.length >= 12 && random.nextBoolean()) {
                System.arraycopy(NtlmMessageWriter.SIGNATURE, 0, bytes, 0, 8);
                bytes[8] = (byte) type;
                Arrays.fill(bytes, 9, 12, (byte) 0);
                if (random.nextBoolean()) {
                    shrinkSecurityBufferOffsets(bytes, random);
                }
            }
            expectOnly(expected, parse, bytes);
        }
    }

    /** Makes random offsets small so that some of them land inside the message. */
    private static void shrinkSecurityBufferOffsets(byte[] bytes, Random random) {
        for (int field = 12; field + 8 <= Math.min(bytes.length, 60); field += 8) {
            bytes[field] = (byte) random.nextInt(40);
            bytes[field + 1] = 0;
            bytes[field + 4] = (byte) random.nextInt(Math.max(1, bytes.length));
            Arrays.fill(bytes, field + 5, field + 8, (byte) 0);
        }
    }

    /** Runs {@code parse}; true if it threw {@code type}, false if it succeeded; any other throwable fails. */
    private static boolean expectOnly(Class<? extends RuntimeException> type, Consumer<byte[]> parse, byte[] input) {
        try {
            parse.accept(input);
            return false;
        } catch (RuntimeException e) {
            if (type.isInstance(e)) {
                return true;
            }
            fail("expected only " + type.getSimpleName() + " but got " + e, e);
            return false;
        }
    }
}
