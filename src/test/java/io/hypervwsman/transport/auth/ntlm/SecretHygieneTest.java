package io.hypervwsman.transport.auth.ntlm;

import io.hypervwsman.transport.auth.ntlm.internal.AuthenticateMessage;
import io.hypervwsman.transport.auth.ntlm.internal.NegotiateFlag;
import io.hypervwsman.transport.auth.ntlm.internal.NegotiateFlags;
import io.hypervwsman.transport.auth.ntlm.internal.NegotiateMessage;
import io.hypervwsman.transport.auth.ntlm.internal.NtOwf;
import io.hypervwsman.transport.auth.ntlm.internal.SignAndSealKeys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.HyperVWsManException;
import io.hypervwsman.transport.auth.SessionSecurity.WrappedMessage;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Exception messages and toString() never reveal the password, its hashes or any session key. */
class SecretHygieneTest {
    private final List<String> texts = new ArrayList<>();

    @Test
    void failuresAndDescriptionsRevealNoSecrets() {
        NtlmFixture.Handshake h = NtlmFixture.handshake();
        texts.add(h.client().toString());
        texts.add(h.server().toString());
        texts.add(AuthenticateMessage.parse(h.authenticate()).toString());
        h.server().accept(h.authenticate());
        texts.add(h.client().toString());
        texts.add(h.server().toString());
        texts.add(h.client().sessionSecurity().toString());
        texts.add(h.server().sessionSecurity().toString());
        texts.add(SignAndSealKeys.clientToServer(h.client().exportedSessionKey()).toString());

        NtlmFixture.Handshake wrong = NtlmFixture.handshake(NtlmFixture.client(NtlmFixture.PASSWORD + "x"),
                NtlmFixture.server());
        collect(() -> wrong.server().accept(wrong.authenticate()));
        NtlmFixture.Handshake tampered = NtlmFixture.handshake();
        byte[] badMic = tampered.authenticate().clone();
        badMic[AuthenticateMessage.MIC_OFFSET] ^= 1;
        collect(() -> tampered.server().accept(badMic));
        NtlmFixture.Handshake bindings = NtlmFixture.handshake(NtlmFixture.client(),
                NtlmFixture.server().expectedChannelBindings(new byte[] {1, 2, 3}));
        collect(() -> bindings.server().accept(bindings.authenticate()));
        collect(() -> NtlmFixture.server().build().challenge(new NegotiateMessage(NegotiateFlags.of(NegotiateFlag.NTLM),
                "", "", null).toBytes()));
        NtlmClientContext client = NtlmFixture.client().build();
        client.negotiate();
        collect(() -> client.authenticate(Arrays.copyOf(h.challenge(), 60)));

        WrappedMessage sent = h.client().sessionSecurity().wrap(new byte[] {1, 2, 3});
        byte[] sealed = sent.sealed();
        sealed[0] ^= 1;
        collect(() -> h.server().sessionSecurity().unwrap(sent.signature(), sealed));
        collect(() -> h.server().sessionSecurity().unwrap(sent.signature(), sent.sealed()));

        assertTrue(texts.size() >= 14, "collected " + texts.size());
        for (String secret : secrets(h.client().exportedSessionKey())) {
            for (String text : texts) {
                assertFalse(text.toLowerCase(Locale.ROOT).contains(secret.toLowerCase(Locale.ROOT)),
                        "secret leaked into: " + text);
            }
        }
    }

    @Test
    void clientWipesItsPasswordCopyOnceAuthenticateIsBuilt() throws ReflectiveOperationException {
        NtlmFixture.Handshake h = NtlmFixture.handshake();
        Field field = NtlmClientContext.class.getDeclaredField("password");
        field.setAccessible(true);
        char[] kept = (char[]) field.get(h.client());
        assertArrayEquals(new char[NtlmFixture.PASSWORD.length()], kept);
    }

    private void collect(Executable action) {
        HyperVWsManException e = assertThrows(HyperVWsManException.class, action);
        for (Throwable t = e; t != null; t = t.getCause()) {
            texts.add(String.valueOf(t.getMessage()));
            texts.add(t.toString());
        }
    }

    private static List<String> secrets(byte[] exportedSessionKey) {
        HexFormat hex = HexFormat.of();
        char[] password = NtlmFixture.PASSWORD.toCharArray();
        List<String> secrets = new ArrayList<>(List.of(NtlmFixture.PASSWORD,
                hex.formatHex(NtOwf.v1(password)),
                hex.formatHex(NtOwf.v2(password, NtlmFixture.USER, NtlmFixture.DOMAIN)),
                hex.formatHex(exportedSessionKey)));
        for (SignAndSealKeys keys : List.of(SignAndSealKeys.clientToServer(exportedSessionKey),
                SignAndSealKeys.serverToClient(exportedSessionKey))) {
            secrets.add(hex.formatHex(keys.signingKey()));
            secrets.add(hex.formatHex(keys.sealingKey()));
        }
        return secrets;
    }
}
