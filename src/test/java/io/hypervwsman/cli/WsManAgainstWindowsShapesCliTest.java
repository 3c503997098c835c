package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The wsman verbs through the whole CLI (HTTPS, Basic, TLS verified against the test CA) against the replies of
 * test-fixtures/windows-shapes, in text, JSON and raw XML. Every expected value below was read from the fixture
 * files, not produced by running our code.
 */
class WsManAgainstWindowsShapesCliTest {
    private static final String V2 = "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/virtualization/v2/";
    @TempDir
    Path dir;
    private Path passwordFile;

    @BeforeEach
    void password() throws IOException {
        passwordFile = PrivateFile.write(dir.resolve("password"), ShapeServer.PASSWORD + "\n");
    }

    private CliRun run(ShapeServer server, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--host", server.endpoint().toString(), "--auth", "basic", "--user", ShapeServer.USER,
                "--password-file", passwordFile.toString(), "--ca-file", ShapeServer.resource("/tls/ca.pem").toString()));
        return CliRun.exactly(all.toArray(String[]::new));
    }

    private static void assertOneErrorLine(CliRun r) {
        assertTrue(r.err().startsWith("error: "), r::describe);
        assertEquals(1, r.err().lines().filter(l -> l.startsWith("error: ")).count(), r::describe);
        assertTrue(r.err().lines().allMatch(l -> l.startsWith("error: ") || l.startsWith("hint: ")), r::describe);
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    @Test
    void identifyReadsTheServicesAnswerInTextJsonAndXml() {
        String file = "identify-response-authenticated.xml";
        try (ShapeServer s = new ShapeServer(file, file, file)) {
            CliRun text = run(s, "wsman", "identify");
            assertEquals(0, text.exitCode(), text::describe);
            assertEquals(List.of("ProtocolVersion = http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd",
                    "ProductVendor = Microsoft Corporation", "ProductVersion = OS: 10.0.17763 SP: 0.0 Stack: 3.0",
                    "SecurityProfileName = http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/http/basic",
                    "SecurityProfileName = http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/http/spnego-kerberos"),
                    text.out().lines().toList());

            JsonNode j = run(s, "wsman", "identify", "--output", "json").json();
            assertEquals("Microsoft Corporation", j.get("productVendor").asText());
            assertEquals("OS: 10.0.17763 SP: 0.0 Stack: 3.0", j.get("productVersion").asText());
            assertEquals(2, j.get("securityProfiles").size());
            assertEquals("succeeded", j.get("outcome").asText());
            assertFalse(j.get("simulated").asBoolean());

            CliRun xml = run(s, "wsman", "identify", "--output", "xml");
            assertTrue(xml.out().contains("<wsmid:ProductVersion>OS: 10.0.17763 SP: 0.0 Stack: 3.0</wsmid:ProductVersion>"),
                    xml.out());
            assertEquals(3, s.requests().size());
            assertTrue(s.requests().get(0).contains("Identify"), s.requests().get(0));
        }
    }

    @Test
    void getOfAJobShowsIntervalsDatetimesAndNil() {
        String file = "wmi-get-msvm-concretejob.xml";
        try (ShapeServer s = new ShapeServer(file, file, file)) {
            String[] get = {"wsman", "get", "Msvm_ConcreteJob", "--selector", "InstanceID=1C621F58-AB35-4AA2-A290-79FA1073B4CB"};
            CliRun text = run(s, get);
            assertEquals(0, text.exitCode(), text::describe);
            List<String> lines = text.out().lines().toList();
            assertEquals("Msvm_ConcreteJob", lines.get(0));
            assertTrue(lines.contains("    ElapsedTime = P0DT0H0M7.250S"), text.out());
            assertTrue(lines.contains("    ErrorDescription = null"), text.out());
            assertTrue(lines.contains("    TimeSubmitted = 2026-03-02T21:40:05.817Z"), text.out());

            List<String> json = new ArrayList<>(List.of(get));
            json.addAll(List.of("--output", "json"));
            JsonNode j = run(s, json.toArray(String[]::new)).json();
            assertEquals(V2 + "Msvm_ConcreteJob", j.get("resourceUri").asText());
            JsonNode p = j.get("properties");
            assertEquals("Reverting failover", p.get("Caption").asText());
            assertEquals("7", p.get("JobState").asText());
            assertEquals("98", p.get("JobType").asText());
            assertTrue(p.get("ErrorDescription").isNull());

            List<String> xml = new ArrayList<>(List.of(get));
            xml.addAll(List.of("--output", "xml"));
            CliRun x = run(s, xml.toArray(String[]::new));
            assertTrue(x.out().contains("<p:ElapsedTime><cim:Interval>P0DT0H0M7.250S</cim:Interval></p:ElapsedTime>"),
                    x.out());
            assertTrue(s.requests().get(0).contains("<w:Selector Name=\"InstanceID\">1C621F58-AB35-4AA2-A290-79FA1073B4CB"
                    + "</w:Selector>"), s.requests().get(0));
        }
    }

    @Test
    void getOfAZhCnInstanceInAnotherNamespaceKeepsItsTextAndArrays() {
        try (ShapeServer s = new ShapeServer("wmi-get-win32-operatingsystem-zh-CN.xml")) {
            JsonNode j = run(s, "wsman", "get", "root/cimv2/Win32_OperatingSystem", "--output", "json").json();
            JsonNode p = j.get("properties");
            assertEquals("Microsoft Windows Server 2012 R2 数据中心版", p.get("Caption").asText());
            assertEquals("9600", p.get("BuildNumber").asText());
            assertEquals("2015-09-14T08:02:11.125+08:00", p.get("LastBootUpTime").asText());
            assertEquals("[\"zh-CN\",\"en-US\"]", p.get("MUILanguages").toString());
            assertTrue(p.get("CSDVersion").isNull());
        }
    }

    @Test
    void enumerateFollowsPullPagesToEndOfSequence() {
        String[] files = {"wmi-enumerate-context-msvm-replicationrelationship.xml",
                "wmi-pull-msvm-replicationrelationship.xml", "wmi-pull-end-msvm-replicationrelationship.xml"};
        List<String> all = new ArrayList<>(List.of(files));
        all.addAll(List.of(files));
        all.addAll(List.of(files));
        try (ShapeServer s = new ShapeServer(all.toArray(String[]::new))) {
            JsonNode j = run(s, "wsman", "enumerate", "Msvm_ReplicationRelationship", "--output", "json").json();
            assertEquals(3, j.get("count").asInt(), j.toString());
            List<String> ids = new ArrayList<>();
            j.get("items").forEach(i -> ids.add(i.get("properties").get("InstanceID").asText()));
            assertEquals(List.of("Microsoft:0DA82104-9C27-4270-ABDF-7DCB2A9BECE7\\HVR\\0",
                    "Microsoft:4590B531-383C-4171-A378-20DD0F02CDD3\\HVR\\0",
                    "Microsoft:7F3A2D6C-91E4-4B58-8C07-E6D1A4B92F35\\HVR\\0"), ids);
            assertEquals("1", j.get("items").get(2).get("properties").get("ReplicationState").asText());
            List<String> sent = s.requests();
            assertEquals(3, sent.size());
            assertTrue(sent.get(1).contains("uuid:9E23D9BF-CD24-4A98-B359-1169A371C4C0") && sent.get(1).contains("Pull"),
                    "the Pull carries the context of the Enumerate reply: " + sent.get(1));

            CliRun text = run(s, "wsman", "enumerate", "Msvm_ReplicationRelationship");
            assertEquals(0, text.exitCode(), text::describe);
            assertEquals(3, text.out().lines().filter(l -> l.equals("Msvm_ReplicationRelationship")).count());
            assertTrue(text.out().contains("    LastReplicationTime = 2026-03-02T21:34:30.991Z"), text.out());
            assertEquals("3 items", text.err().trim());

            CliRun xml = run(s, "wsman", "enumerate", "Msvm_ReplicationRelationship", "--output", "xml");
            assertEquals(3, xml.out().lines().filter(l -> l.startsWith("<p:Msvm_ReplicationRelationship")).count(),
                    xml.out());
        }
    }

    @Test
    void aTimedOutPullIsPulledAgainAndTheEnumerationCompletes() {
        try (ShapeServer s = new ShapeServer("wmi-enumerate-context-msvm-replicationrelationship.xml",
                "fault-timedout-pull.xml", "wmi-pull-msvm-replicationrelationship.xml",
                "wmi-pull-end-msvm-replicationrelationship.xml")) {
            JsonNode j = run(s, "wsman", "enumerate", "Msvm_ReplicationRelationship", "--output", "json").json();
            assertEquals(3, j.get("count").asInt(), j.toString());
            assertEquals(4, s.requests().size());
        }
    }

    @Test
    void optimizedEnumerationsInstancesEprsAndEprValuedProperties() {
        try (ShapeServer s = new ShapeServer("wmi-enumerate-optimized-msvm-computersystem.xml",
                "wmi-enumerate-epr-msvm-computersystem.xml", "wmi-enumerate-msvm-settingsdefinecapabilities-v1-zh-CN.xml",
                "wmi-enumerate-first-win32-service-zh-CN.xml", "wmi-pull-end-win32-service-zh-CN.xml")) {
            JsonNode j = run(s, "wsman", "enumerate", "Msvm_ComputerSystem", "--output", "json").json();
            assertEquals("HV-AMS-12", j.get("items").get(0).get("properties").get("ElementName").asText());
            assertEquals("ledger-db-02", j.get("items").get(1).get("properties").get("ElementName").asText());
            assertEquals("[\"3\",\"32768\"]", j.get("items").get(1).get("properties").get("AvailableRequestedStates")
                    .toString());
            assertEquals(1, s.requests().size(), "optimized: the items came with the Enumerate reply");

            j = run(s, "wsman", "enumerate", "Msvm_ComputerSystem", "--epr", "--output", "json").json();
            assertEquals(3, j.get("count").asInt());
            assertEquals("4590B531-383C-4171-A378-20DD0F02CDD3", j.get("items").get(2).get("selectors").get("Name")
                    .asText());
            assertTrue(s.requests().get(1).contains("EnumerateEPR"), s.requests().get(1));

            j = run(s, "wsman", "enumerate", "root/virtualization/Msvm_SettingsDefineCapabilities", "--output", "json")
                    .json();
            JsonNode p = j.get("items").get(0).get("properties");
            assertEquals("http://schemas.microsoft.com/wbem/wsman/1/wmi/root/virtualization/Msvm_AllocationCapabilities",
                    p.get("GroupComponent").get("resourceUri").asText());
            assertEquals("Microsoft:Definition\\82786686-2E7F-43AE-8B36-378D23646E44\\Maximum",
                    p.get("PartComponent").get("selectors").get("InstanceID").asText());
            assertEquals("3", p.get("ValueRole").asText());

            CliRun text = run(s, "wsman", "enumerate", "root/cimv2/Win32_Service");
            assertEquals(0, text.exitCode(), text::describe);
            assertTrue(text.err().trim().endsWith(" items"), text.err());
            assertEquals(5, s.requests().size(), "an Enumerate with a context, then one Pull to EndOfSequence");
        }
    }

    @Test
    void invokeReadsTheJobReferenceAndReturnValue() {
        String file = "wmi-invoke-revertfailover-output.xml";
        String[] invoke = {"wsman", "invoke", "Msvm_ReplicationService", "RevertFailover", "--selector",
                "CreationClassName=Msvm_ReplicationService", "--selector", "Name=replicasvc", "--ref",
                "ComputerSystem=Msvm_ComputerSystem?CreationClassName=Msvm_ComputerSystem&Name="
                        + "0DA82104-9C27-4270-ABDF-7DCB2A9BECE7"};
        try (ShapeServer s = new ShapeServer(file, file, file)) {
            CliRun text = run(s, invoke);
            assertEquals(0, text.exitCode(), text::describe);
            assertTrue(text.out().startsWith("RevertFailover_OUTPUT"), text.out());
            assertTrue(text.out().contains("    ReturnValue = 4096"), text.out());
            assertTrue(text.err().contains("ReturnValue 4096: Method Parameters Checked - Job Started"), text.err());
            assertTrue(text.err().contains("job wait --job 1C621F58-AB35-4AA2-A290-79FA1073B4CB"), text.err());

            List<String> json = new ArrayList<>(List.of(invoke));
            json.addAll(List.of("--output", "json"));
            JsonNode j = run(s, json.toArray(String[]::new)).json();
            assertEquals(4096, j.get("returnValue").asInt());
            assertEquals(V2 + "Msvm_ConcreteJob", j.get("job").get("resourceUri").asText());
            assertEquals("1C621F58-AB35-4AA2-A290-79FA1073B4CB", j.get("job").get("selectors").get("InstanceID").asText());
            assertEquals("root/virtualization/v2", j.get("job").get("selectors").get("__cimnamespace").asText());

            List<String> xml = new ArrayList<>(List.of(invoke));
            xml.addAll(List.of("--output", "xml"));
            CliRun x = run(s, xml.toArray(String[]::new));
            assertTrue(x.out().contains("<p:ReturnValue>4096</p:ReturnValue>"), x.out());
            assertEquals(3, s.requests().size(), "one Invoke per run, never resent");
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
            "fault-provider-not-found-zh-CN.xml, get, 1, DestinationUnreachable",
            "fault-destination-unreachable-de-DE.xml, get, 1, DestinationUnreachable",
            "fault-cannot-process-filter-extended-status.xml, enumerate, 1, CannotProcessFilter",
            "fault-invalid-parameter-provider-text.xml, get, 1, InvalidParameter",
            "fault-quota-msft-wmierror-no-relatesto.xml, get, 1, QuotaLimit",
            "fault-timedout-activityid.xml, invoke, 5, OperationTimeout",
            "fault-lowercase-relatesto-empty-lang.xml, invoke, 1, Access is denied"})
    void aFaultEndsWithItsExitCodeAndOneErrorLine(String file, String verb, int exitCode, String says) {
        try (ShapeServer s = new ShapeServer(file, file)) {
            String[] args = switch (verb) {
                case "get" -> new String[] {"wsman", "get", "Msvm_ComputerSystem", "--selector",
                        "CreationClassName=Msvm_ComputerSystem", "--selector", "Name=0DA82104-9C27-4270-ABDF-7DCB2A9BECE7"};
                case "enumerate" -> new String[] {"wsman", "enumerate", "root/cimv2/*", "--filter",
                        "SELECT * FROM Win32_Servic"};
                default -> new String[] {"wsman", "invoke", "Msvm_ReplicationService", "RevertFailover", "--selector",
                        "Name=replicasvc"};
            };
            CliRun r = run(s, args);
            assertEquals(exitCode, r.exitCode(), r::describe);
            assertEquals("", r.out());
            assertOneErrorLine(r);
            assertTrue(r.err().contains(says) || r.err().toLowerCase().contains(says.toLowerCase()), r::describe);

            List<String> json = new ArrayList<>(List.of(args));
            json.addAll(List.of("--output", "json"));
            JsonNode j = run(s, json.toArray(String[]::new)).json();
            assertEquals(exitCode, j.get("exitCode").asInt());
            assertEquals(exitCode == 5 ? "unknown" : "failed", j.get("outcome").asText());
            assertEquals(2, s.requests().size(), "nothing is resent");
        }
    }
}
