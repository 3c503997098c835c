package io.hypervwsman.wsman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.cli.ExitCodes;
import io.hypervwsman.transport.AuthMode;
import io.hypervwsman.transport.ConnectionOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * Replies a hostile or broken host could send: entity bombs and external entities in every disguise, and bytes that
 * are not UTF-8. Each is a ProtocolException (exit code 4), never a WS-Man fault "from the host", and nothing is
 * expanded or fetched.
 */
class HostileReplyTest {
    private final ScriptedTransport transport = new ScriptedTransport();
    private final WsManClient client = new WsManClient(ConnectionOptions.builder(URI.create("http://127.0.0.1:1/wsman"))
            .auth(AuthMode.NONE, null).build(), transport, () -> ScriptedTransport.MESSAGE_ID);

    private static String invokeReply() throws IOException {
        return Files.readString(FixtureHost.fixtureRoot().resolve(
                "wsman/invoke-revert/__files/invoke-revert-01-revertfailover-response.xml"))
                .replaceAll("\\{\\{xPath[^}]*\\}\\}", ScriptedTransport.RELATES_TO);
    }

    private ProtocolException invokeWith(byte[] reply) {
        transport.answer(200, reply);
        ProtocolException e = assertThrows(ProtocolException.class, () -> client.invoke(InvokeTest.SERVICE,
                SelectorSet.EMPTY, "RevertFailover", MethodInput.create()));
        assertEquals(4, ExitCodes.of(e));
        assertFalse(e.getMessage().contains("root:"), "no local file content: " + e.getMessage());
        return e;
    }

    @Test
    void theUntouchedReplyIsRead() throws IOException {
        transport.answer(200, invokeReply().getBytes(StandardCharsets.UTF_8));
        assertEquals(4096, client.invoke(InvokeTest.SERVICE, SelectorSet.EMPTY, "RevertFailover", MethodInput.create())
                .returnValue());
    }

    @Test
    void invalidUtf8IsAProtocolErrorNotAHostFault() throws IOException {
        byte[] good = invokeReply().getBytes(StandardCharsets.UTF_8);
        int at = invokeReply().indexOf("<s:Body>") + "<s:Body>".length();
        ByteArrayOutputStream bad = new ByteArrayOutputStream();
        bad.write(good, 0, at);
        bad.write(new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF});
        bad.write(good, at, good.length - at);
        ProtocolException e = invokeWith(bad.toByteArray());
        assertTrue(e.getMessage().contains("could not be read as SOAP") && e.getMessage().contains("UTF-8"),
                e.getMessage());
    }

    @Test
    void anExternalEntityIsRefusedBeforeParsing() throws IOException {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE s:Envelope [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + invokeReply().replace("<s:Body>", "<s:Body>&xxe;");
        assertTrue(invokeWith(xxe.getBytes(StandardCharsets.UTF_8)).getMessage().contains("DOCTYPE"));
    }

    @Test
    void anEntityExpansionBombIsRefusedBeforeParsing() throws IOException {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE s:Envelope [<!ENTITY l0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String bomb = "<!-- a comment first -->\n" + dtd + "]>" + invokeReply().replace("<s:Body>", "<s:Body>&l9;");
        assertTrue(invokeWith(bomb.getBytes(StandardCharsets.UTF_8)).getMessage().contains("DOCTYPE"));
    }

    @Test
    void aDoctypeInUtf16BehindAByteOrderMarkIsStillRefused() throws IOException {
        String xxe = "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE s:Envelope [<!ENTITY xxe SYSTEM"
                + " \"file:///etc/passwd\">]>" + invokeReply().replace("<s:Body>", "<s:Body>&xxe;");
        invokeWith(xxe.getBytes(StandardCharsets.UTF_16LE));
    }
}
