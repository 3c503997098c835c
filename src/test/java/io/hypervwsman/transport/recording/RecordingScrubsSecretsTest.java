package io.hypervwsman.transport.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.transport.AuthMode;
import io.hypervwsman.transport.ConnectionOptions;
import io.hypervwsman.transport.Credentials;
import io.hypervwsman.transport.Transport;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording never holds the password or an authentication token, even when a (misbehaving) host echoes them in a
 * SOAP body: both are replaced before anything is written.
 */
class RecordingScrubsSecretsTest {
    static final String PASSWORD = "S3cret-Pa55word!";
    static final String NTLM_TOKEN = "TlRMTVNTUAADAAAAGAAYAEgAAAAYABgAYAAAAA==";
    static final String REQUEST = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" "
            + "xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" "
            + "xmlns:w=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\"><s:Header>"
            + "<a:Action>http://schemas.xmlsoap.org/ws/2004/09/transfer/Get</a:Action>"
            + "<a:MessageID>uuid:11111111-2222-4333-8444-555555555555</a:MessageID>"
            + "<w:ResourceURI>http://example.test/Thing</w:ResourceURI>"
            + "<w:SelectorSet><w:Selector Name=\"Key\">" + PASSWORD + "</w:Selector></w:SelectorSet>"
            + "</s:Header><s:Body/></s:Envelope>";
    static final String REPLY = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" "
            + "xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\"><s:Header>"
            + "<a:RelatesTo>uuid:11111111-2222-4333-8444-555555555555</a:RelatesTo></s:Header>"
            + "<s:Body><Echo>Authorization: Negotiate " + NTLM_TOKEN + " and " + NTLM_TOKEN + " and " + PASSWORD
            + "</Echo></s:Body></s:Envelope>";

    @TempDir
    Path dir;

    @Test
    void passwordAndTokensAreRemovedFromRequestsAndReplies() throws IOException {
        ConnectionOptions options = ConnectionOptions.builder(URI.create("http://127.0.0.1:5985/wsman"))
                .auth(AuthMode.NTLM, new Credentials("LAB\\operator", PASSWORD.toCharArray())).build();
        try (RecordingTransport recording = new RecordingTransport(new EchoingHost(), dir, options, false)) {
            recording.exchange(REQUEST.getBytes(StandardCharsets.UTF_8));
            assertEquals(1, recording.recordedCount());
        }
        String written = readAll(dir);
        assertFalse(written.contains(PASSWORD), written);
        assertFalse(written.contains("TlRMTVNTUA"), written);
        assertTrue(written.contains("Negotiate " + SecretScrubber.REMOVED), written);
        assertTrue(written.contains("<a:RelatesTo>" + WireMockMappings.RELATES_TO_TEMPLATE + "</a:RelatesTo>"), written);
        assertFalse(written.contains("11111111-2222"), "the MessageID is neither matched nor kept in the reply");
    }

    private static String readAll(Path root) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                all.append(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }

    /** A host that answers every request with the same reply. */
    private static final class EchoingHost implements Transport {
        @Override
        public SoapReply exchange(byte[] envelope) {
            return new SoapReply(200, REPLY.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void close() {
        }
    }
}
