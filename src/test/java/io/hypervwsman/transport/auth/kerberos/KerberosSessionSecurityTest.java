package io.hypervwsman.transport.auth.kerberos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.MessageIntegrityException;
import io.hypervwsman.transport.auth.SessionSecurity;
import io.hypervwsman.transport.auth.SessionSecurity.WrappedMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * GSS wrap/unwrap with confidentiality in both directions and both token layouts (rotated as Windows sends,
 * RRC = 28 with aes256-cts-hmac-sha1-96; and unrotated), and rejection of anything altered or replayed.
 */
@ExtendWith(EmbeddedKdcExtension.class)
class KerberosSessionSecurityTest {

    /** RFC 4121 header 16 + encrypted header copy 16 + HMAC-SHA1-96 12 + confounder 16 (MS-KILE, EC = 0). */
    private static final int WINDOWS_AES_SIGNATURE = 60;
    private static final int AES_SHA1_RRC = 28;

    @TempDir
    static Path keytabs;
    private static EmbeddedKdc kdc;
    private static Path serviceKeytab;
    private EstablishedKerberosPair pair;

    @BeforeAll
    static void exportKeytab(EmbeddedKdc embeddedKdc) {
        kdc = embeddedKdc;
        serviceKeytab = kdc.exportKeytab(EmbeddedKdc.SERVICE, keytabs);
    }

    @AfterEach
    void closePair() {
        if (pair != null) {
            pair.close();
        }
    }

    static Stream<Arguments> mechanismsAndLayouts() {
        return Stream.of(GssMechanism.values()).flatMap(mechanism -> Stream.of(WrapTokenLayout.values())
                .flatMap(clientLayout -> Stream.of(WrapTokenLayout.values())
                        .map(serverLayout -> Arguments.of(mechanism, clientLayout, serverLayout))));
    }

    @ParameterizedTest(name = "{0}: client writes {1}, server writes {2}")
    @MethodSource("mechanismsAndLayouts")
    void messagesRoundTripInBothDirections(GssMechanism mechanism, WrapTokenLayout clientLayout,
            WrapTokenLayout serverLayout) {
        pair = EstablishedKerberosPair.establish(kdc, serviceKeytab, mechanism);
        SessionSecurity client = pair.client().sessionSecurity(clientLayout);
        SessionSecurity server = pair.server().sessionSecurity(serverLayout);

        for (int i = 0; i < 3; i++) {
            byte[] request = soap("request " + i);
            byte[] reply = soap("reply " + i + " \u00fc");
            WrappedMessage sent = wrapChecked(client, request, clientLayout);
            assertArrayEquals(request, server.unwrap(sent.signature(), sent.sealed()));
            WrappedMessage answered = wrapChecked(server, reply, serverLayout);
            assertArrayEquals(reply, client.unwrap(answered.signature(), answered.sealed()));
        }
    }

    @Test
    void rotatedTokenHasTheWindowsSplit() {
        pair = EstablishedKerberosPair.establish(kdc, serviceKeytab, GssMechanism.SPNEGO);
        byte[] plaintext = soap("layout");

        WrappedMessage wrapped = pair.client().sessionSecurity(WrapTokenLayout.ROTATED).wrap(plaintext);

        assertEquals(WINDOWS_AES_SIGNATURE, wrapped.signature().length);
        assertEquals(plaintext.length, wrapped.sealed().length);
        assertEquals(AES_SHA1_RRC, WrapToken.rrc(wrapped.signature()));
        assertEquals(0, WrapToken.ec(wrapped.signature()));
    }

    @Test
    void unrotatedTokenHasHeaderOnlySignature() {
        pair = EstablishedKerberosPair.establish(kdc, serviceKeytab, GssMechanism.KERBEROS);
        byte[] plaintext = soap("layout");

        WrappedMessage wrapped = pair.server().sessionSecurity(WrapTokenLayout.UNROTATED).wrap(plaintext);

        assertEquals(WrapToken.HEADER_LENGTH, wrapped.signature().length);
        assertEquals(0, WrapToken.rrc(wrapped.signature()));
        assertEquals(plaintext.length + WINDOWS_AES_SIGNATURE - WrapToken.HEADER_LENGTH, wrapped.sealed().length);
    }

    @Test
    void whereTheSignatureEndsDoesNotMatterOnlyTheConcatenation() {
        pair = EstablishedKerberosPair.establish(kdc, serviceKeytab, GssMechanism.KERBEROS);
        byte[] plaintext = soap("split");
        WrappedMessage wrapped = pair.client().sessionSecurity().wrap(plaintext);
        byte[] token = WrapToken.join(wrapped.signature(), wrapped.sealed());

        byte[] unwrapped = pair.server().sessionSecurity().unwrap(Arrays.copyOf(token, 20),
                Arrays.copyOfRange(token, 20, token.length));

        assertArrayEquals(plaintext, unwrapped);
    }

    @ParameterizedTest
    @EnumSource(WrapTokenLayout.class)
    void alteredTokensAreRejected(WrapTokenLayout layout) {
        pair = EstablishedKerberosPair.establish(kdc, serviceKeytab, GssMechanism.SPNEGO);
        SessionSecurity client = pair.client().sessionSecurity(layout);
        SessionSecurity server = pair.server().sessionSecurity(layout);
        WrappedMessage wrapped = client.wrap(soap("tamper"));

        byte[] sealed = wrapped.sealed().clone();
        sealed[sealed.length / 2] ^= 0x01;
        byte[] signature = wrapped.signature().clone();
        signature[0] ^= 0x01; // TOK_ID; the outer SND_SEQ is not authenticated by JGSS, see below
        byte[] wrongRrc = wrapped.signature().clone();
        wrongRrc[7] ^= 0x01;
        byte[] truncated = Arrays.copyOf(wrapped.sealed(), wrapped.sealed().length - 1);

        assertIntegrityFailure(() -> server.unwrap(wrapped.signature(), sealed));
        assertIntegrityFailure(() -> server.unwrap(signature, wrapped.sealed()));
        assertIntegrityFailure(() -> server.unwrap(wrongRrc, wrapped.sealed()));
        assertIntegrityFailure(() -> server.unwrap(wrapped.signature(), truncated));
        assertIntegrityFailure(() -> server.unwrap(new byte[0], new byte[0]));
        assertIntegrityFailure(() -> server.unwrap(Arrays.copyOf(wrapped.signature(), 8), new byte[0]));
        // The untouched message still verifies: the failures above did not disturb the session.
        assertArrayEquals(soap("tamper"), server.unwrap(wrapped.signature(), wrapped.sealed()));
    }

    @Test
    void replayedAndReflectedMessagesAreRejected() {
        pair = EstablishedKerberosPair.establish(kdc, serviceKeytab, GssMechanism.KERBEROS);
        SessionSecurity client = pair.client().sessionSecurity();
        SessionSecurity server = pair.server().sessionSecurity();
        WrappedMessage first = client.wrap(soap("once"));
        server.unwrap(first.signature(), first.sealed());

        assertIntegrityFailure(() -> server.unwrap(first.signature(), first.sealed()));
        WrappedMessage mine = client.wrap(soap("mine"));
        assertIntegrityFailure(() -> client.unwrap(mine.signature(), mine.sealed()));
    }

    @ParameterizedTest
    @EnumSource(WrapTokenLayout.class)
    void replayWithRewrittenSequenceNumberIsRejected(WrapTokenLayout layout) {
        pair = EstablishedKerberosPair.establish(kdc, serviceKeytab, GssMechanism.SPNEGO);
        SessionSecurity server = pair.server().sessionSecurity(layout);
        SessionSecurity client = pair.client().sessionSecurity(layout);
        WrappedMessage first = server.wrap(soap("first reply"));
        WrappedMessage second = server.wrap(soap("second reply"));
        client.unwrap(first.signature(), first.sealed());

        // RFC 4121 header bytes 8-15 are SND_SEQ; give the old message the sequence number expected next.
        byte[] forged = first.signature().clone();
        System.arraycopy(second.signature(), 8, forged, 8, 8);

        MessageIntegrityException e = assertThrows(MessageIntegrityException.class,
                () -> client.unwrap(forged, first.sealed()));
        assertTrue(e.getMessage().contains("replays"), e.getMessage());
        assertArrayEquals(soap("second reply"), client.unwrap(second.signature(), second.sealed()));
    }

    @Test
    void replayMemoryIsSharedByEverySessionSecurityOfOneContext() {
        pair = EstablishedKerberosPair.establish(kdc, serviceKeytab, GssMechanism.KERBEROS);
        WrappedMessage message = pair.client().sessionSecurity().wrap(soap("once"));
        pair.server().sessionSecurity(WrapTokenLayout.ROTATED).unwrap(message.signature(), message.sealed());

        assertIntegrityFailure(() -> pair.server().sessionSecurity(WrapTokenLayout.UNROTATED)
                .unwrap(message.signature(), message.sealed()));
    }

    private static WrappedMessage wrapChecked(SessionSecurity security, byte[] plaintext, WrapTokenLayout layout) {
        WrappedMessage wrapped = security.wrap(plaintext);
        int expectedRrc = layout == WrapTokenLayout.ROTATED ? AES_SHA1_RRC : 0;
        assertEquals(expectedRrc, WrapToken.rrc(wrapped.signature()), "RRC in the outer header");
        assertTrue(wrapped.signature().length >= WrapToken.HEADER_LENGTH);
        return wrapped;
    }

    private static void assertIntegrityFailure(org.junit.jupiter.api.function.Executable unwrap) {
        MessageIntegrityException e = assertThrows(MessageIntegrityException.class, unwrap);
        assertTrue(e.getMessage().startsWith("Kerberos"), e.getMessage());
    }

    private static byte[] soap(String text) {
        return ("<s:Envelope><s:Body>" + text + "</s:Body></s:Envelope>").getBytes(StandardCharsets.UTF_8);
    }
}
