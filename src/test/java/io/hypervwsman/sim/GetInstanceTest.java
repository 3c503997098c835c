package io.hypervwsman.sim;

import static io.hypervwsman.sim.SoapExchange.CS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Get of VMs, the host, the replication service and relationships, in Windows' reply shape. */
class GetInstanceTest {
    private final SoapExchange host = new SoapExchange("default");

    @Test
    void theFixtureGetRequestReturnsTheVmWithRelatesToEchoingTheMessageId() {
        SoapExchange.Answer a = host.ok(SoapExchange.fixtureRequest("get-computersystem.xml"));

        assertEquals("uuid:7B1F0C55-3A8D-4A59-9C1E-2D6F0A7B8C90", a.text("RelatesTo"));
        assertEquals("http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse", a.text("Action"));
        List<String> header = childNames(a.first("Header"));
        assertEquals(List.of("Action", "MessageID", "ActivityId", "To", "RelatesTo"), header);
        Element vm = a.first("Msvm_ComputerSystem");
        assertEquals(CS, vm.getNamespaceURI());
        assertEquals("p:Msvm_ComputerSystem_Type", vm.getAttributeNS(WsManUris.XSI, "type"));
        assertEquals("web-frontend-01", a.text("ElementName"));
        assertEquals("3", a.text("EnabledState"));
        assertEquals("2", a.text("ReplicationMode"));
        assertEquals("5", a.text("ReplicationState"));
        assertEquals("true", a.first("InstanceID").getAttributeNS(WsManUris.XSI, "nil"));
        assertEquals("2026-11-23T09:55:00.117204Z", a.first("LastReplicationTime").getTextContent());
        assertEquals("Datetime", ((Element) a.first("LastReplicationTime").getFirstChild()).getLocalName());
    }

    @Test
    void propertiesComeInCaseInsensitiveAlphabeticalOrder() {
        SoapExchange.Answer a = host.ok(SoapExchange.getVm(SoapExchange.WEB01));
        List<String> names = childNames(a.first("Msvm_ComputerSystem"));
        List<String> sorted = names.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList();
        assertEquals(sorted, names);
        assertTrue(names.size() > 40, names.toString());
    }

    @Test
    void theHostItselfIsAComputerSystemWithTheHostingCaption() {
        SoapExchange.Answer a = host.ok(SoapExchange.getVm("HV01"));
        assertEquals("Hosting Computer System", a.text("Caption"));
    }

    @Test
    void theReplicationServiceIsFoundByItsFourKeys() {
        SoapExchange.Answer a = host.ok(SoapExchange.get(SoapExchange.SERVICE, SoapExchange.serviceKeys("HV01")));
        assertEquals("replicasvc", a.text("Name"));
        assertEquals("HV01", a.text("SystemName"));
    }

    @Test
    void aRelationshipIsFoundByInstanceId() {
        SoapExchange.Answer a = host.ok(SoapExchange.get(SoapExchange.RELATIONSHIP,
                Map.of("InstanceID", "Microsoft:" + SoapExchange.WEB01 + "\\HVR\\0")));
        assertEquals("5", a.text("ReplicationState"));
    }

    @Test
    void anUnknownVmIsTheProviderNotFoundFault() {
        SoapExchange.Answer a = host.send(SoapExchange.getVm("00000000-0000-0000-0000-000000000000"));

        assertEquals(500, a.status());
        assertEquals("http://schemas.xmlsoap.org/ws/2004/08/addressing/fault", a.text("Action"));
        assertEquals("a:DestinationUnreachable", a.subcode());
        assertEquals("2150858752", a.faultCode());
        assertEquals("2147749890", a.all("WSManFault").get(1).getAttribute("Code"));
        assertEquals("HV01.lab.example", a.first("WSManFault").getAttribute("Machine"));
        assertTrue(a.text("ParameterInfo").contains("00000000-0000-0000-0000-000000000000"));
        assertEquals(List.of("Action", "MessageID", "To", "RelatesTo"), childNames(a.first("Header")));
    }

    @Test
    void missingOrUnexpectedSelectorsAreInvalidSelectors() {
        SoapExchange.Answer missing = host.send(SoapExchange.get(CS, Map.of("Name", SoapExchange.WEB01)));
        Map<String, String> extra = SoapExchange.vmKeys(SoapExchange.WEB01);
        extra.put("Colour", "blue");
        SoapExchange.Answer unexpected = host.send(SoapExchange.get(CS, extra));

        for (SoapExchange.Answer a : List.of(missing, unexpected)) {
            assertEquals(500, a.status());
            assertEquals("w:InvalidSelectors", a.subcode());
            assertEquals("2150858843", a.faultCode());
        }
    }

    @Test
    void aDoctypeIsRefusedBeforeParsing() {
        String evil = "<!DOCTYPE s:Envelope [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + SoapExchange.getVm(SoapExchange.WEB01);
        SoapExchange.Answer a = host.send(evil);
        assertEquals(400, a.status());
        assertFalse(a.raw().contains("root:"));
    }

    static List<String> childNames(Element parent) {
        return SecureXml.children(parent).stream().map(Element::getLocalName).toList();
    }
}
