package io.hypervwsman.transport.auth.ntlm;

import io.hypervwsman.transport.auth.ntlm.internal.ChallengeMessage;
import io.hypervwsman.transport.auth.ntlm.internal.NegotiateFlag;
import io.hypervwsman.transport.auth.ntlm.internal.NegotiateFlags;
import io.hypervwsman.transport.auth.ntlm.internal.NtlmServerContext;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.transport.auth.SessionSecurity;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The server accepts a client that offers OEM and no NTLM bit, as ntlm-auth (under pywinrm) does, which
 * Windows accepts: a handshake and sealed messages recorded from ntlm-auth 1.4.0
 * (ntlm/generate-ntlm-auth-oem.py).
 */
class NtlmAuthOemClientTest {
    private final TestVectors recorded = TestVectors.load("ntlm-auth-oem-client.properties");

    @Test
    void challengeAnswersInOemWithTheSessionSecurityFlags() {
        byte[] challenge = NtlmFixture.server().build().challenge(recorded.hex("negotiate"));

        // Byte for byte, or the recorded AUTHENTICATE's MIC (which covers the CHALLENGE) would not verify.
        assertArrayEquals(recorded.hex("challenge"), challenge);
        NegotiateFlags flags = ChallengeMessage.parse(challenge).flags();
        assertTrue(flags.contains(NegotiateFlag.OEM), flags::toString);
        assertFalse(flags.contains(NegotiateFlag.UNICODE), flags::toString);
        assertTrue(flags.containsAll(NegotiateFlags.SESSION_SECURITY), flags::toString);
    }

    @Test
    void oemAuthenticateIsAcceptedAndBothDirectionsMatchNtlmAuth() {
        NtlmServerContext server = NtlmFixture.waitingServer(recorded.hex("negotiate"));
        server.accept(recorded.hex("authenticate"));

        assertEquals(recorded.text("domain"), server.authenticatedDomain());
        assertEquals(recorded.text("user"), server.authenticatedUser());
        SessionSecurity security = server.sessionSecurity();
        assertEquals(recorded.text("request"), new String(
                security.unwrap(recorded.hex("requestSignature"), recorded.hex("requestSealed")), StandardCharsets.UTF_8));
        SessionSecurity.WrappedMessage reply = security.wrap(recorded.text("reply").getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(recorded.hex("replySignature"), reply.signature());
        assertArrayEquals(recorded.hex("replySealed"), reply.sealed());
    }
}
