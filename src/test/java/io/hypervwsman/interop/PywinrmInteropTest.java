package io.hypervwsman.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.wsman.FixtureHost;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * pywinrm, a WinRM client we did not write, authenticates with NTLM to our {@code NegotiateGateway} and
 * exchanges encrypted messages with it. The gateway refuses plaintext SOAP after authentication, so a
 * reply proves that our acceptor and pywinrm agree on the NTLMv2 keys and on the multipart/encrypted
 * framing in both directions.
 */
@Tag("interop")
class PywinrmInteropTest {
    private static final String ADDRESSING = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    private static final String VM_CLASS = "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/virtualization/v2/Msvm_ComputerSystem";

    @TempDir
    Path work;
    private PywinrmClient pywinrm;

    @BeforeEach
    void requirePywinrm() {
        pywinrm = new PywinrmClient(work);
        pywinrm.requireInstalled();
    }

    /** pywinrm with a wrong password is refused by our {@code NegotiateGateway}, and no session is established. */
    @Test
    void wrongPasswordIsRefusedWithoutAHandshake() {
        try (FixtureHost host = new FixtureHost("get-computersystem", FixtureHost.Mode.NTLM_ENCRYPTED)) {
            PywinrmClient.Run run = pywinrm.get(host.endpoint(), FixtureHost.USER, FixtureHost.PASSWORD + "-wrong",
                    request("get-computersystem.xml"));

            assertEquals(PywinrmClient.EXIT_CREDENTIALS_REFUSED, run.exitCode(), run::describe);
            assertTrue(run.stderr().contains("InvalidCredentialsError"), run::describe);
            assertTrue(run.exchanges().isEmpty(), run::describe);
            assertEquals(0, host.gateway().completedHandshakes(), "NTLM handshakes the gateway completed");
        }
    }

    @Test
    void getReturnsTheVmOverOneAuthenticatedEncryptedSession() {
        try (FixtureHost host = new FixtureHost("get-computersystem", FixtureHost.Mode.NTLM_ENCRYPTED)) {
            PywinrmClient.Run run = pywinrm.get(host.endpoint(), FixtureHost.USER, FixtureHost.PASSWORD,
                    request("get-computersystem.xml"));

            assertEquals(0, run.exitCode(), run::describe);
            assertEquals(1, run.exchanges().size(), run::describe);
            PywinrmClient.Exchange get = run.exchanges().get(0);
            Document reply = parse(get.reply());
            assertEquals(get.messageId(), text(reply, ADDRESSING, "RelatesTo"), get::reply);
            assertEquals(List.of("web-frontend-01"), texts(reply, VM_CLASS, "ElementName"), get::reply);
            assertEquals(List.of("4EA7033C-356C-4EBA-9F77-1A3399CFCD72"), texts(reply, VM_CLASS, "Name"), get::reply);
            assertEquals(1, host.gateway().completedHandshakes(), "NTLM handshakes the gateway completed");
        }
    }

    @Test
    void enumerateAndPullsReturnEveryVmOnOneSession() {
        try (FixtureHost host = new FixtureHost("enumerate-pull", FixtureHost.Mode.NTLM_ENCRYPTED)) {
            PywinrmClient.Run run = pywinrm.enumerate(host.endpoint(), FixtureHost.USER, FixtureHost.PASSWORD,
                    request("enumerate-pull-enumerate.xml"), request("enumerate-pull-pull.xml"));

            assertEquals(0, run.exitCode(), run::describe);
            assertEquals(4, run.exchanges().size(), "Enumerate and three Pulls\n" + run.describe());
            List<String> vms = new ArrayList<>();
            for (PywinrmClient.Exchange exchange : run.exchanges()) {
                Document reply = parse(exchange.reply());
                assertEquals(exchange.messageId(), text(reply, ADDRESSING, "RelatesTo"), exchange::reply);
                vms.addAll(texts(reply, VM_CLASS, "ElementName"));
            }
            assertEquals(List.of("web-frontend-01", "web-frontend-02", "sql-backend-01", "app-worker-01", "build-agent-03"),
                    vms);
            // One handshake for four sealed requests and replies: the sequence numbers and RC4 states of both
            // sides stayed in step across messages.
            assertEquals(1, host.gateway().completedHandshakes(), "NTLM handshakes the gateway completed");
        }
    }

    static Path request(String name) {
        return FixtureHost.fixtureRoot().resolve(Path.of("wsman", "requests", name));
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError("reply is not XML: " + xml, e);
        }
    }

    private static String text(Document reply, String namespace, String localName) {
        List<String> found = texts(reply, namespace, localName);
        assertEquals(1, found.size(), () -> "exactly one " + localName + " expected");
        return found.get(0);
    }

    private static List<String> texts(Document reply, String namespace, String localName) {
        NodeList nodes = reply.getElementsByTagNameNS(namespace, localName);
        List<String> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add(nodes.item(i).getTextContent());
        }
        return found;
    }
}
