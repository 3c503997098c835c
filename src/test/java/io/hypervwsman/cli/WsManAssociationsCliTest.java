package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypervwsman.hyperv.SimulatedHostFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code wsman enumerate --associators|--references} through the CLI against the simulated host, as WQL (ASSOCIATORS
 * OF / REFERENCES OF) and as the CIM binding's association filter. Expected ids come from the default scenario
 * (src/main/resources/scenarios/default.json) and the InstanceID forms the reference documents
 * ({@code Microsoft:<vmid>\HVR\0} for the relationship, {@code Microsoft:<vmid>\HVR} for its settings).
 */
class WsManAssociationsCliTest {
    /** web-frontend-01: a replica, off, one relationship, no recovery points. */
    private static final String WEB01 = "4EA7033C-356C-4EBA-9F77-1A3399CFCD72";
    /** web-frontend-02 and its test VM "web-frontend-02 - Test". */
    private static final String WEB02 = "C0FFEE00-1234-4567-89AB-CDEF01234567";
    private static final String WEB02_TEST = "DEADBEEF-0000-4000-8000-000000007E57";
    /** db-primary-01: a primary, running (so it has a shutdown component). */
    private static final String DB01 = "B5D0F6A2-1C3E-4A7B-8D9F-0E1A2B3C4D5E";
    @TempDir
    Path dir;

    private static String[] vm(String id, String... more) {
        List<String> args = new ArrayList<>(List.of("wsman", "enumerate", "Msvm_ComputerSystem", "--selector",
                "CreationClassName=Msvm_ComputerSystem", "--selector", "Name=" + id));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** Association class name to the selectors of each of its two references, for every item. */
    private static Map<String, String> byClass(JsonNode items) {
        Map<String, String> m = new TreeMap<>();
        for (JsonNode i : items) {
            m.merge(i.get("className").asText(), i.get("properties").toString(), (a, b) -> a + " | " + b);
        }
        return m;
    }

    @ParameterizedTest(name = "dialect {0}")
    @ValueSource(strings = {"wql", "association"})
    void referencesOfAVmAreItsAssociationInstancesWithReferencesToBothEnds(String dialect) {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            JsonNode j = cli.json(0, vm(WEB01, "--references", "--dialect", dialect));
            assertTrue(j.get("resourceUri").asText().endsWith("/root/virtualization/v2/*"), j.toString());
            assertEquals(dialect, j.get("dialect").asText());
            assertEquals(false, j.get("simulated").asBoolean(), "the CLI talks to it over the network");
            Map<String, String> classes = byClass(j.get("items"));
            assertEquals(List.of("Msvm_ElementSettingData", "Msvm_SettingsDefineState",
                    "Msvm_SystemReplicationRelationship"), List.copyOf(classes.keySet()), j.toString());
            assertEquals(3, j.get("count").asInt());

            JsonNode rel = item(j, "Msvm_SystemReplicationRelationship").get("properties");
            assertTrue(rel.get("Antecedent").get("resourceUri").asText().endsWith("/Msvm_ComputerSystem"));
            assertEquals(WEB01, rel.get("Antecedent").get("selectors").get("Name").asText());
            assertEquals("Msvm_ComputerSystem", rel.get("Antecedent").get("selectors").get("CreationClassName")
                    .asText());
            assertTrue(rel.get("Dependent").get("resourceUri").asText().endsWith("/Msvm_ReplicationRelationship"));
            assertEquals("Microsoft:" + WEB01 + "\\HVR\\0",
                    rel.get("Dependent").get("selectors").get("InstanceID").asText());

            JsonNode esd = item(j, "Msvm_ElementSettingData").get("properties");
            assertEquals(WEB01, esd.get("ManagedElement").get("selectors").get("Name").asText());
            assertEquals("Microsoft:" + WEB01 + "\\HVR", esd.get("SettingData").get("selectors").get("InstanceID")
                    .asText());
            JsonNode sds = item(j, "Msvm_SettingsDefineState").get("properties");
            assertEquals("Microsoft:" + WEB01, sds.get("SettingData").get("selectors").get("InstanceID").asText());
            assertEquals(List.of(dialect.equals("wql") ? "http://schemas.microsoft.com/wbem/wsman/1/WQL"
                    : "http://schemas.dmtf.org/wbem/wsman/1/cimbinding/associationFilter"),
                    f.sim.backend().filterDialects(), "the dialect on the wire");
        }
    }

    private static JsonNode item(JsonNode j, String className) {
        for (JsonNode i : j.get("items")) {
            if (i.get("className").asText().equals(className)) {
                return i;
            }
        }
        throw new AssertionError("no " + className + " in " + j);
    }

    @ParameterizedTest(name = "dialect {0}")
    @ValueSource(strings = {"wql", "association"})
    void resultClassOfReferencesNamesTheAssociationOrASuperclassAndRoleTheSourcesSide(String dialect) {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            JsonNode j = cli.json(0, vm(WEB01, "--references", "--dialect", dialect, "--result-class",
                    "Msvm_SystemReplicationRelationship"));
            assertEquals(1, j.get("count").asInt(), j.toString());
            if (dialect.equals("wql")) {
                assertEquals("REFERENCES OF {Msvm_ComputerSystem.CreationClassName='Msvm_ComputerSystem',Name='" + WEB01
                        + "'} WHERE ResultClass = Msvm_SystemReplicationRelationship", j.get("filter").asText());
            } else {
                assertEquals("AssociationInstances{Object=Msvm_ComputerSystem?CreationClassName=Msvm_ComputerSystem&Name="
                        + WEB01 + ";ResultClassName=Msvm_SystemReplicationRelationship}", j.get("filter").asText());
            }

            // CIM_Dependency: Msvm_SystemReplicationRelationship derives from it, Msvm_ElementSettingData does not.
            j = cli.json(0, vm(WEB01, "--references", "--dialect", dialect, "--result-class", "CIM_Dependency"));
            assertEquals(List.of("Msvm_SystemReplicationRelationship"), List.copyOf(byClass(j.get("items")).keySet()));

            // The VM is the Antecedent of its relationship, never the Dependent.
            j = cli.json(0, vm(WEB01, "--references", "--dialect", dialect, "--role", "Dependent"));
            assertEquals(0, j.get("count").asInt(), j.toString());
            j = cli.json(0, vm(WEB01, "--references", "--dialect", dialect, "--role", "Antecedent"));
            assertEquals(1, j.get("count").asInt(), j.toString());
        }
    }

    @ParameterizedTest(name = "dialect {0}")
    @ValueSource(strings = {"wql", "association"})
    void associatorsWithAssocClassAndResultClassAsLibvirtAsksForTheRealizedSettings(String dialect) {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            JsonNode j = cli.json(0, vm(WEB01, "--associators", "--dialect", dialect, "--assoc-class",
                    "Msvm_SettingsDefineState", "--result-class", "Msvm_VirtualSystemSettingData"));
            assertEquals(1, j.get("count").asInt(), j.toString());
            JsonNode p = j.get("items").get(0).get("properties");
            assertEquals("Microsoft:" + WEB01, p.get("InstanceID").asText());
            assertEquals("web-frontend-01", p.get("ElementName").asText());
            assertEquals("Microsoft:Hyper-V:System:Realized", p.get("VirtualSystemType").asText());

            // ResultRole names the endpoint's side: the relationship is the Dependent, so Antecedent finds nothing.
            j = cli.json(0, vm(WEB01, "--associators", "--dialect", dialect, "--assoc-class",
                    "Msvm_SystemReplicationRelationship", "--result-role", "Dependent"));
            assertEquals(1, j.get("count").asInt(), j.toString());
            assertEquals("Msvm_ReplicationRelationship", j.get("items").get(0).get("className").asText());
            j = cli.json(0, vm(WEB01, "--associators", "--dialect", dialect, "--assoc-class",
                    "Msvm_SystemReplicationRelationship", "--result-role", "Antecedent"));
            assertEquals(0, j.get("count").asInt(), j.toString());
        }
    }

    @Test
    void theJobAVerbStartedIsFoundFromBothEndsOfMsvmAffectedJobElement() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            JsonNode revert = cli.json(0, "revert-failover", "--vm", "web-frontend-01");
            String job = revert.get("job").get("instanceId").asText();

            JsonNode j = cli.json(0, vm(WEB01, "--associators", "--assoc-class", "Msvm_AffectedJobElement",
                    "--result-class", "Msvm_ConcreteJob"));
            assertEquals(1, j.get("count").asInt(), j.toString());
            assertEquals(job, j.get("items").get(0).get("properties").get("InstanceID").asText());

            j = cli.json(0, "wsman", "enumerate", "Msvm_ConcreteJob", "--references", "--selector",
                    "InstanceID=" + job);
            assertEquals(1, j.get("count").asInt(), j.toString());
            JsonNode a = j.get("items").get(0);
            assertEquals("Msvm_AffectedJobElement", a.get("className").asText());
            assertEquals(WEB01, a.get("properties").get("AffectedElement").get("selectors").get("Name").asText());
            assertEquals(job, a.get("properties").get("AffectingElement").get("selectors").get("InstanceID").asText());

            // Text: one line per property, a reference as Class?Key=Value&...
            assertEquals(0, cli.run("wsman", "enumerate", "Msvm_ConcreteJob", "--references", "--selector",
                    "InstanceID=" + job), cli::err);
            assertTrue(cli.out().contains("Msvm_AffectedJobElement"), cli.out());
            assertTrue(cli.out().contains("    AffectedElement = Msvm_ComputerSystem?CreationClassName="
                    + "Msvm_ComputerSystem&Name=" + WEB01), cli.out());
            assertTrue(cli.err().contains("1 item"), cli.err());

            // Raw XML: the association instance as the host wrote it, each reference an EPR.
            assertEquals(0, cli.run("wsman", "enumerate", "Msvm_ConcreteJob", "--references", "--selector",
                    "InstanceID=" + job, "--output", "xml"), cli::err);
            assertTrue(cli.out().contains(":AffectingElement") && cli.out().contains("<w:Selector Name=\"InstanceID\">"
                    + job + "</w:Selector>"), cli.out());
        }
    }

    @Test
    void aTestVmAndItsReplicaAreAssociatedBothWaysAndARunningVmHasItsShutdownDevice() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            JsonNode j = cli.json(0, vm(WEB02, "--associators", "--assoc-class", "Msvm_ReplicaSystemDependency"));
            assertEquals(1, j.get("count").asInt(), j.toString());
            assertEquals(WEB02_TEST, j.get("items").get(0).get("properties").get("Name").asText());
            j = cli.json(0, vm(WEB02_TEST, "--associators", "--assoc-class", "Msvm_ReplicaSystemDependency"));
            assertEquals(WEB02, j.get("items").get(0).get("properties").get("Name").asText());

            j = cli.json(0, vm(DB01, "--associators", "--assoc-class", "CIM_SystemDevice"));
            assertEquals(1, j.get("count").asInt(), j.toString());
            assertEquals("Msvm_ShutdownComponent", j.get("items").get(0).get("className").asText());
            assertEquals(DB01, j.get("items").get(0).get("properties").get("SystemName").asText());
            // web-frontend-01 is off: no shutdown component, no Msvm_SystemDevice.
            assertEquals(0, cli.json(0, vm(WEB01, "--associators", "--assoc-class", "Msvm_SystemDevice"))
                    .get("count").asInt());
        }
    }

    @Test
    void whatWqlRefusesInTheseStatementsIsTheHostsFaultOnOneLine() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            String path = "{Msvm_ComputerSystem.CreationClassName='Msvm_ComputerSystem',Name='" + WEB01 + "'}";
            for (String wql : List.of("REFERENCES OF " + path + " WHERE AssocClass = Msvm_SystemReplicationRelationship",
                    "ASSOCIATORS OF " + path + " WHERE ResultClass = Msvm_ReplicationRelationship AND Role = Antecedent",
                    "ASSOCIATORS OF " + path + " WHERE ClassDefsOnly")) {
                assertEquals(1, cli.run("wsman", "enumerate", "*", "--filter", wql), wql);
                assertEquals(1, cli.err().lines().count(), cli.err());
                assertTrue(cli.err().startsWith("error: ") && cli.err().contains("CannotProcessFilter"), cli.err());
            }
            // Options that REFERENCES OF does not take are refused before connecting.
            assertEquals(2, cli.run(vm(WEB01, "--references", "--result-role", "Dependent")));
            assertTrue(cli.err().contains("--result-role"), cli.err());
            assertEquals(2, cli.run(vm(WEB01, "--references", "--dialect", "cql")));
            assertTrue(cli.err().contains("--dialect"), cli.err());
        }
    }
}
