package io.hypervwsman.transport.auth.ntlm;

import io.hypervwsman.transport.auth.ntlm.internal.NonceSource;

import io.hypervwsman.transport.auth.ntlm.internal.CredentialLookup;
import io.hypervwsman.transport.auth.ntlm.internal.NtlmServerContext;
import io.hypervwsman.transport.auth.ntlm.internal.NtlmServerIdentity;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A deterministic client and server: fixed nonces, a fixed clock and one known account. */
public final class NtlmFixture {
    public static final String DOMAIN = "LAB";
    public static final String USER = "Administrator";
    public static final String PASSWORD = "Corr3ct-Horse-Battery!";
    public static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final byte[] CLIENT_CHALLENGE = HexFormat.of().parseHex("1122334455667788");
    public static final byte[] SESSION_KEY = HexFormat.of().parseHex("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf");
    public static final byte[] SERVER_CHALLENGE = HexFormat.of().parseHex("0123456789abcdef");
    public static final NtlmServerIdentity IDENTITY = new NtlmServerIdentity("LAB", "HV01", "lab.example", "hv01.lab.example");

    private NtlmFixture() {
    }

    /** Hands out the given nonces in order and fails loudly if asked for more or for another length. */
    public static NonceSource nonces(byte[]... values) {
        Deque<byte[]> queue = new ArrayDeque<>();
        for (byte[] value : values) {
            queue.add(value.clone());
        }
        return target -> {
            byte[] next = queue.poll();
            if (next == null || next.length != target.length) {
                throw new AssertionError("unexpected nonce request of " + target.length + " bytes");
            }
            System.arraycopy(next, 0, target, 0, target.length);
        };
    }

    public static NtlmClientContext.Builder client() {
        return client(PASSWORD);
    }

    public static NtlmClientContext.Builder client(String password) {
        return NtlmClientContext.builder().domain(DOMAIN).user(USER).password(password.toCharArray())
                .workstation("WS01").targetName("HTTP/hv01.lab.example")
                .nonceSource(nonces(CLIENT_CHALLENGE, SESSION_KEY)).clock(CLOCK);
    }

    public static NtlmServerContext.Builder server() {
        Map<String, String> accounts = Map.of(key(DOMAIN, USER), PASSWORD);
        CredentialLookup lookup = (domain, user) ->
                Optional.ofNullable(accounts.get(key(domain, user))).map(String::toCharArray);
        return NtlmServerContext.builder().credentials(lookup).identity(IDENTITY)
                .nonceSource(nonces(SERVER_CHALLENGE)).clock(CLOCK);
    }

    private static String key(String domain, String user) {
        return (domain + "\\" + user).toUpperCase(Locale.ROOT);
    }

    /** The three handshake messages, before the server has looked at AUTHENTICATE. */
    public record Handshake(NtlmClientContext client, NtlmServerContext server, byte[] negotiate, byte[] challenge,
                     byte[] authenticate) {
    }

    public static Handshake handshake(NtlmClientContext.Builder client, NtlmServerContext.Builder server) {
        NtlmClientContext clientContext = client.build();
        NtlmServerContext serverContext = server.build();
        byte[] negotiate = clientContext.negotiate();
        byte[] challenge = serverContext.challenge(negotiate);
        byte[] authenticate = clientContext.authenticate(challenge);
        return new Handshake(clientContext, serverContext, negotiate, challenge, authenticate);
    }

    public static Handshake handshake() {
        return handshake(client(), server());
    }

    /** A server that has issued the fixture's CHALLENGE and waits for AUTHENTICATE. */
    public static NtlmServerContext waitingServer(byte[] negotiate) {
        NtlmServerContext server = server().build();
        server.challenge(negotiate);
        return server;
    }
}
