package io.hypervwsman.wsman;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.transport.AuthMode;
import io.hypervwsman.transport.ConnectionOptions;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * {@link WsManClient#hasAnswered()}: the host answered with a reply or a fault of its own (so a later refused
 * connection is a restart, not a wrong address); an envelope that is not SOAP, or a reply to another message, is not
 * an answer from it.
 */
class HasAnsweredTest {
    private final ScriptedTransport transport = new ScriptedTransport();
    private final WsManClient client = new WsManClient(ConnectionOptions.builder(URI.create("http://127.0.0.1:1/wsman"))
            .auth(AuthMode.NONE, null).build(), transport, () -> ScriptedTransport.MESSAGE_ID);

    private static String fixture(String path) throws IOException {
        return Files.readString(FixtureHost.fixtureRoot().resolve(path))
                .replaceAll("\\{\\{xPath[^}]*\\}\\}", ScriptedTransport.RELATES_TO);
    }

    private void get() {
        client.get(GetInstanceTest.CS, SelectorSet.of("Name", GetInstanceTest.VM_ID));
    }

    @Test
    void theHostsOwnFaultIsAnAnswer() throws IOException {
        transport.answer(500, fixture("wsman/fault-access-denied/__files/fault-access-denied-response.xml")
                .getBytes(StandardCharsets.UTF_8));
        assertFalse(client.hasAnswered());
        assertThrows(WsManFaultException.class, this::get);
        assertTrue(client.hasAnswered());
    }

    @Test
    void aReplyWhoseBodyCannotBeReadIsAnAnswer() throws IOException {
        String reply = fixture("wsman/get-computersystem/__files/get-computersystem-response.xml");
        transport.answer(200, reply.replace("</p:ElementName>", "<<</p:ElementName>").getBytes(StandardCharsets.UTF_8));
        ProtocolException e = assertThrows(ProtocolException.class, this::get);
        assertTrue(e.getMessage().contains("not well-formed"), e.getMessage());
        assertTrue(client.hasAnswered());
    }

    @Test
    void anEnvelopeThatIsNotSoapIsNoAnswer() throws IOException {
        String reply = fixture("wsman/get-computersystem/__files/get-computersystem-response.xml");
        transport.answer(200, reply.replace("s:Envelope", "s:Envelop").getBytes(StandardCharsets.UTF_8));
        assertThrows(WsManFaultException.class, this::get);
        assertFalse(client.hasAnswered());
    }

    @Test
    void aReplyToAnotherMessageIsNoAnswer() throws IOException {
        String reply = fixture("wsman/get-computersystem/__files/get-computersystem-response.xml");
        transport.answer(200, reply.replace(ScriptedTransport.RELATES_TO, "uuid:00000000-0000-0000-0000-000000000001")
                .getBytes(StandardCharsets.UTF_8));
        assertThrows(ProtocolException.class, this::get);
        assertFalse(client.hasAnswered());
    }
}
