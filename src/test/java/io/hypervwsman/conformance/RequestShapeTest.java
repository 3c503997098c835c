package io.hypervwsman.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.transport.AuthMode;
import io.hypervwsman.transport.ConnectionOptions;
import io.hypervwsman.transport.Transport;
import io.hypervwsman.wsman.EndpointReference;
import io.hypervwsman.wsman.EnumerateOptions;
import io.hypervwsman.wsman.MethodInput;
import io.hypervwsman.wsman.SelectorSet;
import io.hypervwsman.wsman.WsManClient;
import io.hypervwsman.wsman.WsManFaultException;
import io.hypervwsman.xml.SafeXml;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Our requests beside the shape of the ones real clients sent and Windows accepted (pypsrp's recordings, reproduced
 * with our own values in test-fixtures/windows-shapes/request-get-shell-as-pypsrp-sends.xml): the same header
 * elements with the same mustUnderstand flags, and no namespace declared that the message does not use.
 * The differences that remain are listed in test-fixtures/windows-shapes/README.md.
 */
class RequestShapeTest {
    private static final String SOAP = "http://www.w3.org/2003/05/soap-envelope";
    private static final String MS = "http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd";
    private static final String VMS = "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/virtualization/v2/";
    private static final Pattern XMLNS = Pattern.compile("xmlns(:\\w+)?=");

    /** Records every request and answers each with a real fault, so every call ends after one exchange. */
    private final List<String> sent = new ArrayList<>();
    private final Transport recorder = new Transport() {
        @Override
        public SoapReply exchange(byte[] envelope) {
            sent.add(new String(envelope, StandardCharsets.UTF_8));
            return new SoapReply(500, ShapeTransport.read("fault-quota-msft-wmierror-no-relatesto.xml")
                    .getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void close() {
        }
    };

    private WsManClient client(Locale dataLocale) {
        ConnectionOptions.Builder b = ConnectionOptions.builder(URI.create("http://127.0.0.1:1/wsman"))
                .auth(AuthMode.NONE, null);
        if (dataLocale != null) {
            b.dataLocale(dataLocale);
        }
        return new WsManClient(b.build(), recorder, UUID::randomUUID);
    }

    private static Element parse(String xml) {
        return SafeXml.parse(xml).orElseThrow().getDocumentElement();
    }

    /** Header element (namespace|local) to its s:mustUnderstand value ("" when absent), in document order. */
    private static Map<String, String> header(String envelope) {
        Map<String, String> m = new LinkedHashMap<>();
        Element header = (Element) parse(envelope).getElementsByTagNameNS(SOAP, "Header").item(0);
        for (Node n = header.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                m.put(e.getNamespaceURI() + "|" + e.getLocalName(), e.getAttributeNS(SOAP, "mustUnderstand"));
            }
        }
        return m;
    }

    private void getVm(WsManClient c) {
        assertThrows(WsManFaultException.class, () -> c.get(VMS + "Msvm_ComputerSystem",
                SelectorSet.of("CreationClassName", "Msvm_ComputerSystem", "Name", "4EA7033C")));
    }

    @Test
    void getCarriesTheHeadersPypsrpSentWithTheSameMustUnderstand() {
        try (WsManClient c = client(Locale.US)) {
            getVm(c);
        }
        Map<String, String> ours = header(sent.get(0));
        Map<String, String> theirs = header(ShapeTransport.read("request-get-shell-as-pypsrp-sends.xml"));
        for (Map.Entry<String, String> h : ours.entrySet()) {
            assertTrue(theirs.containsKey(h.getKey()), "a header no real client sent: " + h.getKey());
            assertEquals(theirs.get(h.getKey()), h.getValue(), "mustUnderstand of " + h.getKey());
        }
        Map<String, String> missing = new LinkedHashMap<>(theirs);
        missing.keySet().removeAll(ours.keySet());
        assertEquals(List.of(MS + "|SessionId"), List.copyOf(missing.keySet()),
                "all but pypsrp's optional session id");
        assertTrue(sent.get(0).contains("<p:DataLocale xmlns:p=\"" + MS + "\" s:mustUnderstand=\"false\" xml:lang=\"en-US\"/>"),
                sent.get(0));
    }

    @Test
    void everyNamespaceIsDeclaredOnceAndOnlyIfUsed() {
        try (WsManClient c = client(null)) {
            getVm(c);
            assertThrows(WsManFaultException.class, () -> c.enumerate(VMS + "Msvm_ComputerSystem",
                    EnumerateOptions.wql("SELECT * FROM Msvm_ComputerSystem WHERE Caption='Virtual Machine'")).hasNext());
            assertThrows(WsManFaultException.class, () -> c.invoke(VMS + "Msvm_ReplicationService",
                    SelectorSet.of("Name", "vmms"), "RevertFailover", MethodInput.create()
                            .addReference("ComputerSystem", EndpointReference.of(VMS + "Msvm_ComputerSystem",
                                    SelectorSet.of("Name", "4EA7033C")))));
        }
        for (String r : sent) {
            assertFalse(r.contains("Msvm_ConcreteJob") || r.contains("wsmanfault"), r);
            List<String> declarations = new ArrayList<>();
            Matcher m = XMLNS.matcher(r);
            while (m.find()) {
                declarations.add(m.group());
            }
            assertEquals(declarations.stream().distinct().count(), declarations.size(),
                    "a prefix declared twice: " + r);
        }
        assertEquals(3, sent.size());
    }

    /**
     * The association filter as DSP0227 (WS-Man CIM binding, 8.2) writes it: w:Filter with the associationFilter
     * Dialect holding b:AssociatedInstances or b:AssociationInstances, the source object an EPR in b:Object, then the
     * optional class and role names. No capture of a real client's association filter was available to compare with.
     */
    @Test
    void anAssociationFilterCarriesTheSourceAsAnEprAndOnlyTheNamesGiven() {
        EndpointReference vm = EndpointReference.of(VMS + "Msvm_ComputerSystem",
                new SelectorSet(Map.of("Name", "4EA7033C")));
        try (WsManClient c = client(null)) {
            assertThrows(WsManFaultException.class, () -> c.enumerate(VMS + "*", EnumerateOptions.associations(
                    io.hypervwsman.wsman.AssociationFilter.associatedInstances(vm, "Msvm_AffectedJobElement", null,
                            "Msvm_ConcreteJob", null))).hasNext());
            assertThrows(WsManFaultException.class, () -> c.enumerate(VMS + "*", EnumerateOptions.associations(
                    io.hypervwsman.wsman.AssociationFilter.associationInstances(vm, "Antecedent", null))).hasNext());
        }
        String cim = "http://schemas.dmtf.org/wbem/wsman/1/cimbinding.xsd";
        Element filter = (Element) parse(sent.get(0)).getElementsByTagNameNS(
                "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd", "Filter").item(0);
        assertEquals("http://schemas.dmtf.org/wbem/wsman/1/cimbinding/associationFilter", filter.getAttribute("Dialect"));
        Element associated = (Element) filter.getElementsByTagNameNS(cim, "AssociatedInstances").item(0);
        List<String> children = new ArrayList<>();
        for (Node n = associated.getFirstChild(); n != null; n = n.getNextSibling()) {
            children.add(n.getLocalName() + "=" + (n.getLocalName().equals("Object") ? "" : n.getTextContent()));
        }
        assertEquals(List.of("Object=", "AssociationClassName=Msvm_AffectedJobElement",
                "ResultClassName=Msvm_ConcreteJob"), children);
        Element object = (Element) associated.getFirstChild();
        assertEquals("Address", object.getFirstChild().getLocalName());
        assertTrue(object.getTextContent().contains(VMS + "Msvm_ComputerSystem") && object.getTextContent()
                .contains("4EA7033C"), sent.get(0));

        Element references = (Element) parse(sent.get(1)).getElementsByTagNameNS(cim, "AssociationInstances").item(0);
        assertEquals("Antecedent", references.getElementsByTagNameNS(cim, "Role").item(0).getTextContent());
        assertEquals(0, references.getElementsByTagNameNS(cim, "ResultClassName").getLength());
        for (String r : sent) {
            Matcher m = XMLNS.matcher(r);
            List<String> declarations = new ArrayList<>();
            while (m.find()) {
                declarations.add(m.group());
            }
            assertEquals(declarations.stream().distinct().count(), declarations.size(), "a prefix declared twice: " + r);
        }
    }
}
