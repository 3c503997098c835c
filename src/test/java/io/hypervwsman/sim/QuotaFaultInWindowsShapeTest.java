package io.hypervwsman.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.hypervwsman.xml.SafeXml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The simulated host's quota fault has the shape Windows gives it (test-fixtures/windows-shapes/
 * fault-quota-msft-wmierror-no-relatesto.xml): s:Sender / w:QuotaLimit, an MSFT_WmiError in s:Detail with the same
 * properties in the same order and with the same xsi:type, no f:WSManFault, and no a:RelatesTo on the reply.
 */
class QuotaFaultInWindowsShapeTest {
    private static final Path WINDOWS_SHAPE = Path.of("test-fixtures", "windows-shapes",
            "fault-quota-msft-wmierror-no-relatesto.xml");

    private static Element detail(Document d) {
        Element detail = (Element) d.getElementsByTagNameNS(WsManUris.SOAP, "Detail").item(0);
        assertNotNull(detail);
        return detail;
    }

    private static List<Element> children(Element e) {
        return SecureXml.children(e);
    }

    /** Each property of the MSFT_WmiError as name, xsi:type and whether it is nil. */
    private static List<String> properties(Element wmiError) {
        return children(wmiError).stream().map(p -> p.getLocalName() + " " + p.getAttributeNS(WsManUris.XSI, "type")
                + " nil=" + p.getAttributeNS(WsManUris.XSI, "nil")).toList();
    }

    @Test
    void quotaFaultHasWindowsLayout() throws IOException {
        Document windows = SafeXml.parse(Files.readString(WINDOWS_SHAPE, StandardCharsets.UTF_8)).orElseThrow();
        SoapFault quota = WsManFaults.quota();
        String envelope = new String(new ReplyEnvelope(java.util.UUID::randomUUID).write(ReplyEnvelope.Kind.FAULT,
                quota.action(), quota.relatesToRequest() ? "uuid:0" : null, quota.toXml("HV01")),
                StandardCharsets.UTF_8);
        Document ours = SafeXml.parse(envelope).orElseThrow();

        assertEquals(0, ours.getElementsByTagNameNS(WsManUris.ADDRESSING, "RelatesTo").getLength());
        assertEquals(0, windows.getElementsByTagNameNS(WsManUris.ADDRESSING, "RelatesTo").getLength());
        assertEquals(text(windows, "Action"), text(ours, "Action"));
        assertEquals(text(windows, "Subcode").trim(), text(ours, "Subcode").trim());
        Element theirError = children(detail(windows)).get(0);
        Element ourError = children(detail(ours)).get(0);
        assertEquals(theirError.getNamespaceURI(), ourError.getNamespaceURI());
        assertEquals(theirError.getLocalName(), ourError.getLocalName());
        assertEquals(theirError.getAttributeNS(WsManUris.CIM_BINDING, "IsCIM_Error").toLowerCase(java.util.Locale.ROOT),
                ourError.getAttributeNS(WsManUris.CIM_BINDING, "IsCIM_Error"));
        assertEquals(properties(theirError), properties(ourError));
        assertEquals(1, children(detail(ours)).size(), "no f:WSManFault beside the MSFT_WmiError");
        assertFalse(envelope.contains("wsmanfault"), envelope);
    }

    private static String text(Document d, String localName) {
        Node n = d.getElementsByTagNameNS("*", localName).item(0);
        return n == null ? null : n.getTextContent();
    }
}
