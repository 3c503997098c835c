package io.hypervwsman.transport.auth.kerberos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hypervwsman.MessageIntegrityException;
import io.hypervwsman.transport.auth.SessionSecurity;
import io.hypervwsman.transport.encryption.EncryptedMessage;
import io.hypervwsman.transport.encryption.MultipartEncrypted;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Kerberos session security inside MS-WSMV 2.2.9.1 framing: a request and its reply as they cross HTTP. */
@ExtendWith(EmbeddedKdcExtension.class)
class KerberosEncryptedBodyTest {

    @TempDir
    static Path keytabs;
    private static EmbeddedKdc kdc;
    private static Path serviceKeytab;

    @BeforeAll
    static void exportKeytab(EmbeddedKdc embeddedKdc) {
        kdc = embeddedKdc;
        serviceKeytab = kdc.exportKeytab(EmbeddedKdc.SERVICE, keytabs);
    }

    @ParameterizedTest
    @EnumSource(GssMechanism.class)
    void requestAndReplyCrossTheWireEncrypted(GssMechanism mechanism) {
        try (EstablishedKerberosPair pair = EstablishedKerberosPair.establish(kdc, serviceKeytab, mechanism)) {
            SessionSecurity client = pair.client().sessionSecurity();
            SessionSecurity server = pair.server().sessionSecurity(WrapTokenLayout.UNROTATED);
            byte[] request = "<s:Envelope>Get</s:Envelope>".getBytes(StandardCharsets.UTF_8);
            byte[] reply = "<s:Envelope>GetResponse</s:Envelope>".getBytes(StandardCharsets.UTF_8);

            EncryptedMessage sent = MultipartEncrypted.encode(request, client);
            assertEquals("multipart/encrypted;protocol=\"" + mechanism.encryptionProtocol()
                    + "\";boundary=\"Encrypted Boundary\"", sent.contentType());
            assertArrayEquals(request, MultipartEncrypted.decode(sent.contentType(), sent.body(), server));

            EncryptedMessage answered = MultipartEncrypted.encode(reply, server);
            assertArrayEquals(reply, MultipartEncrypted.decode(answered.contentType(), answered.body(), client));
        }
    }

    @ParameterizedTest
    @EnumSource(GssMechanism.class)
    void plaintextReplyIsADowngrade(GssMechanism mechanism) {
        try (EstablishedKerberosPair pair = EstablishedKerberosPair.establish(kdc, serviceKeytab, mechanism)) {
            SessionSecurity client = pair.client().sessionSecurity();
            byte[] plaintext = "<s:Envelope/>".getBytes(StandardCharsets.UTF_8);

            assertThrows(MessageIntegrityException.class, () -> MultipartEncrypted.decode(
                    "application/soap+xml;charset=UTF-8", plaintext, client));
        }
    }
}
