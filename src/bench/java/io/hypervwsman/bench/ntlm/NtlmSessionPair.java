package io.hypervwsman.bench.ntlm;

import io.hypervwsman.transport.auth.SessionSecurity;
import io.hypervwsman.transport.auth.ntlm.internal.CredentialLookup;
import io.hypervwsman.transport.auth.ntlm.NtlmClientContext;
import io.hypervwsman.transport.auth.ntlm.internal.NtlmServerContext;
import io.hypervwsman.transport.auth.ntlm.internal.NtlmServerIdentity;
import java.util.Optional;

/**
 * Both ends of one NTLMv2 session, authenticated through the public client and server contexts exactly as
 * over the wire (NEGOTIATE, CHALLENGE, AUTHENTICATE), so each side's sealing stream matches the other's.
 */
public record NtlmSessionPair(SessionSecurity client, SessionSecurity server) {
    private static final String PASSWORD = "Bench-Pa55word!";

    /** A fresh pair with random nonces and session key; both RC4 streams start at their beginning. */
    public static NtlmSessionPair handshake() {
        CredentialLookup accounts = (domain, user) -> Optional.of(PASSWORD.toCharArray());
        NtlmClientContext client = NtlmClientContext.builder().domain("LAB").user("operator")
                .password(PASSWORD.toCharArray()).workstation("BENCH").targetName("HTTP/hv01.lab.example").build();
        NtlmServerContext server = NtlmServerContext.builder().credentials(accounts)
                .identity(new NtlmServerIdentity("LAB", "HV01", "lab.example", "hv01.lab.example")).build();
        byte[] challenge = server.challenge(client.negotiate());
        server.accept(client.authenticate(challenge));
        return new NtlmSessionPair(client.sessionSecurity(), server.sessionSecurity());
    }
}
