package io.hypervwsman.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** WQL over the namespace wildcard: SELECT with WHERE/AND, escapes, projections, ASSOCIATORS OF, bad queries. */
class WqlEnumerationTest {
    private final SoapExchange host = new SoapExchange("default");

    private List<String> names(String query) {
        return host.ok(SoapExchange.wql(query, true, 32000, null)).texts("ElementName");
    }

    @Test
    void selectsVmsByNameAndCaption() {
        assertEquals(List.of("web-frontend-01"), names("SELECT * FROM Msvm_ComputerSystem WHERE Caption = "
                + "'Virtual Machine' AND ElementName = 'web-frontend-01'"));
        assertEquals(List.of("file-server", "file-server"),
                names("SELECT * FROM Msvm_ComputerSystem WHERE ElementName = 'file-server'"));
        assertEquals(List.of(), names("SELECT * FROM Msvm_ComputerSystem WHERE ElementName = 'nope'"));
    }

    @Test
    void quotesAndBackslashesInLiteralsAreUnescaped() {
        Scenario s = new Scenario("HV01", null, null, null, null, List.of(
                new Scenario.Vm("o'brien\\lab", "12345678-1234-4234-8234-123456789012", null, 2,
                        List.of(new Scenario.Relationship(3, null, null, null, null, null, null, null)), null, null, null)), null);
        SoapExchange quoted = new SoapExchange(s);
        SoapExchange.Answer a = quoted.ok(SoapExchange.wql(
                "SELECT * FROM Msvm_ComputerSystem WHERE ElementName = 'o\\'brien\\\\lab'", true, 10, null));
        assertEquals(List.of("o'brien\\lab"), a.texts("ElementName"));
    }

    @Test
    void numbersCompareUnquoted() {
        assertEquals(List.of("web-frontend-01", "reporting-01", "build-agent-01", "file-server", "web-frontend-02"),
                names("SELECT * FROM Msvm_ComputerSystem WHERE ReplicationMode = 2"));
    }

    @Test
    void aProjectionCarriesOnlyTheNamedProperties() {
        SoapExchange.Answer a = host.ok(SoapExchange.wql(
                "SELECT Name, ElementName FROM Msvm_ComputerSystem WHERE ElementName = 'db-primary-01'", true, 10, null));
        assertEquals(List.of("ElementName", "Name"), GetInstanceTest.childNames(a.first("Msvm_ComputerSystem")));
    }

    @Test
    void associatorsOfAVmAreItsReplicationRelationships() {
        SoapExchange.Answer a = host.ok(SoapExchange.wql("ASSOCIATORS OF {Msvm_ComputerSystem.CreationClassName="
                + "'Msvm_ComputerSystem',Name='" + SoapExchange.WEB01 + "'} WHERE ResultClass = "
                + "Msvm_ReplicationRelationship", true, 10, null));
        assertEquals(List.of("Microsoft:" + SoapExchange.WEB01 + "\\HVR\\0"), a.texts("InstanceID"));
        assertEquals(List.of("5"), a.texts("ReplicationState"));

        SoapExchange.Answer byAssoc = host.ok(SoapExchange.wql("ASSOCIATORS OF {Msvm_ComputerSystem.CreationClassName="
                + "'Msvm_ComputerSystem',Name='" + SoapExchange.WEB01 + "'} WHERE AssocClass = "
                + "Msvm_SystemReplicationRelationship", true, 10, null));
        assertEquals(1, byAssoc.all("Msvm_ReplicationRelationship").size());
    }

    @Test
    void theTestVmIsAnAssociatorOfItsReplica() {
        String replica = host.backend.host().vmsNamed("web-frontend-02").get(0).id;
        SoapExchange.Answer a = host.ok(SoapExchange.wql("ASSOCIATORS OF {Msvm_ComputerSystem.CreationClassName="
                + "'Msvm_ComputerSystem',Name='" + replica + "'} WHERE ResultClass = Msvm_ComputerSystem",
                true, 10, null));
        assertEquals(List.of("web-frontend-02 - Test"), a.texts("ElementName"));
        assertEquals("3", a.text("ReplicationMode"));
    }

    @Test
    void invalidWqlIsCannotProcessFilter() {
        for (String bad : List.of("SELEC * FROM Msvm_ComputerSystem", "SELECT * FROM Msvm_Nothing",
                "SELECT * FROM Msvm_ComputerSystem WHERE ElementName = 'unterminated",
                "SELECT * FROM Msvm_ComputerSystem WHERE NoSuchProperty = 'x'",
                "SELECT * FROM Msvm_ComputerSystem WHERE ElementName = 'a\\b'",
                "SELECT * FROM Msvm_ComputerSystem WHERE ElementName LIKE 'x'")) {
            SoapExchange.Answer a = host.send(SoapExchange.wql(bad, true, 10, null));
            assertEquals(500, a.status(), bad);
            assertEquals("n:CannotProcessFilter", a.subcode(), bad);
            assertEquals("2150858778", a.faultCode(), bad);
        }
    }

    @Test
    void aClassUriWithoutFilterEnumeratesTheClass() {
        String body = "<n:Enumerate><w:OptimizeEnumeration/><w:MaxElements>100</w:MaxElements></n:Enumerate>";
        SoapExchange.Answer a = host.ok(SoapExchange.envelope(WsManUris.ENUMERATE, SoapExchange.RELATIONSHIP,
                Map.of(), body));
        assertEquals(8, a.all("Msvm_ReplicationRelationship").size());
        assertTrue(a.has("EndOfSequence"));
    }

    @Test
    void theFixtureOptimizedRequestFindsTheReplicationService() {
        SoapExchange.Answer a = host.ok(SoapExchange.fixtureRequest("enumerate-optimized.xml"));
        assertEquals("uuid:5A6B7C8D-9E0F-4A1B-8C2D-3E4F5A6B7C8D", a.text("RelatesTo"));
        assertEquals("", a.text("EnumerationContext"));
        assertEquals(WsManUris.WSMAN, a.first("Items").getNamespaceURI());
        assertEquals(WsManUris.WSMAN, a.first("EndOfSequence").getNamespaceURI());
        assertEquals("HV01", a.text("SystemName"));
    }
}
