package io.hypervwsman.sim;

import io.hypervwsman.HyperVWsManException;
import io.hypervwsman.transport.auth.kerberos.KerberosServerContext;
import io.hypervwsman.transport.auth.ntlm.internal.CredentialLookup;
import io.hypervwsman.transport.auth.ntlm.internal.NtlmServerContext;
import io.hypervwsman.transport.auth.ntlm.internal.NtlmServerIdentity;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of HTTP Negotiate for one gateway: NTLM in two legs (NEGOTIATE answered with a CHALLENGE, then
 * AUTHENTICATE) and, once given a keytab, Kerberos in one (SPNEGO or raw AP-REQ). What it learns per connection goes
 * into the {@link SessionTable}.
 */
final class HandshakeAcceptor {
    private static final Logger LOG = LoggerFactory.getLogger(NegotiateGateway.class);

    /** What the gateway answers to an Authorization header. */
    enum Outcome {
        /** 401 with the token: the handshake goes on. */
        CONTINUE,
        /** Authenticated: serve the request's body, if any, sending the token (Kerberos AP-REP) if there is one. */
        ESTABLISHED,
        /** 401 with a bare Negotiate challenge: start again. */
        REFUSED,
        /** 400: the token is not base64. */
        MALFORMED
    }

    /** The answer to one Authorization header. */
    record Step(Outcome outcome, byte[] token, SessionTable.Session session) {
        static Step of(Outcome outcome) {
            return new Step(outcome, null, null);
        }
    }

    private final CredentialLookup credentials;
    private final NtlmServerIdentity identity;
    private final byte[] channelBindings;
    private final SessionTable sessions;
    private final AtomicInteger completed = new AtomicInteger();
    private volatile Path kerberosKeytab;
    private volatile String kerberosPrincipal;

    HandshakeAcceptor(CredentialLookup credentials, NtlmServerIdentity identity, byte[] channelBindings,
                      SessionTable sessions) {
        this.credentials = credentials;
        this.identity = identity;
        this.channelBindings = channelBindings;
        this.sessions = sessions;
    }

    void acceptKerberos(Path keytab, String servicePrincipal) {
        this.kerberosKeytab = keytab;
        this.kerberosPrincipal = servicePrincipal;
    }

    /** How many handshakes completed: one per authenticated connection. */
    int completed() {
        return completed.get();
    }

    Step accept(InetSocketAddress peer, String authorization) {
        String[] parts = authorization.trim().split("\\s+", 2);
        if (!"Negotiate".equalsIgnoreCase(parts[0]) || parts.length < 2) {
            return Step.of(Outcome.REFUSED);
        }
        byte[] token;
        try {
            token = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            return Step.of(Outcome.MALFORMED);
        }
        boolean ntlm = token.length >= 8 && new String(token, 0, 7, StandardCharsets.US_ASCII).equals("NTLMSSP");
        if (!ntlm) {
            return kerberos(peer, token);
        }
        return token.length >= 12 && token[8] == 1 ? ntlmNegotiate(peer, token) : ntlmAuthenticate(peer, token);
    }

    private Step ntlmNegotiate(InetSocketAddress peer, byte[] token) {
        NtlmServerContext.Builder builder = NtlmServerContext.builder().credentials(credentials).identity(identity);
        if (channelBindings != null) {
            builder.expectedChannelBindings(channelBindings);
        }
        NtlmServerContext ctx = builder.build();
        byte[] challenge;
        try {
            challenge = ctx.challenge(token);
        } catch (HyperVWsManException e) {
            LOG.info("simulated host refused a NEGOTIATE: {}", e.getMessage());
            return Step.of(Outcome.REFUSED);
        }
        sessions.put(peer, new SessionTable.Session(ctx, null));
        return new Step(Outcome.CONTINUE, challenge, null);
    }

    private Step ntlmAuthenticate(InetSocketAddress peer, byte[] token) {
        SessionTable.Session s = sessions.get(peer);
        if (s == null || s.ntlm == null || s.established()) {
            return Step.of(Outcome.REFUSED);
        }
        try {
            s.ntlm.accept(token);
        } catch (HyperVWsManException e) {
            LOG.info("simulated host refused a login: {}", e.getMessage());
            sessions.remove(peer);
            return Step.of(Outcome.REFUSED);
        }
        s.security = s.ntlm.sessionSecurity();
        completed.incrementAndGet();
        return new Step(Outcome.ESTABLISHED, null, s);
    }

    private Step kerberos(InetSocketAddress peer, byte[] token) {
        if (kerberosKeytab == null) {
            return Step.of(Outcome.REFUSED);
        }
        KerberosServerContext ctx = KerberosServerContext.fromKeytab(kerberosKeytab, kerberosPrincipal);
        byte[] reply;
        try {
            reply = ctx.acceptToken(token);
        } catch (HyperVWsManException e) {
            LOG.info("simulated host refused a Kerberos login: {}", e.getMessage());
            return Step.of(Outcome.REFUSED);
        }
        if (!ctx.isEstablished()) {
            return new Step(Outcome.CONTINUE, reply, null);
        }
        SessionTable.Session s = new SessionTable.Session(null, ctx.sessionSecurity());
        sessions.put(peer, s);
        completed.incrementAndGet();
        return new Step(Outcome.ESTABLISHED, reply, s);
    }
}
