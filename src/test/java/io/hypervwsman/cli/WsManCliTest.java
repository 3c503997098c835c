package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypervwsman.hyperv.SimulatedHostFixture;
import io.hypervwsman.sim.HostFault;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wsman identify|get|enumerate|invoke} through the CLI against the simulated host. */
class WsManCliTest {
    private static final String WEB01 = "4EA7033C-356C-4EBA-9F77-1A3399CFCD72";
    @TempDir
    Path dir;

    /** {@code wsman invoke} of RevertFailover on the simulated host's Replica service, for the VM with this id. */
    private static int invokeRevert(SimulatedCli cli, String vmId, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("wsman", "invoke", "Msvm_ReplicationService",
                "RevertFailover", "--selector", "CreationClassName=Msvm_ReplicationService", "--selector",
                "Name=replicasvc", "--selector", "SystemCreationClassName=Msvm_ComputerSystem", "--selector",
                "SystemName=HV01", "--ref", "ComputerSystem=Msvm_ComputerSystem?CreationClassName=Msvm_ComputerSystem"
                        + "&Name=" + vmId));
        args.addAll(List.of(more));
        return cli.run(args.toArray(String[]::new));
    }

    @Test
    void identifyShowsTheServiceAsWindowsDescribesIt() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            assertEquals(0, cli.run("wsman", "identify", "--output", "json"), cli::err);
            JsonNode j = cli.json();
            assertEquals("http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd", j.get("protocolVersion").asText());
            assertEquals("Microsoft Corporation", j.get("productVendor").asText());
            assertTrue(j.get("productVersion").asText().startsWith("OS: 10.0."), j.toString());
            assertEquals(1, f.sim.invocations("Identify"));

            assertEquals(0, cli.run("wsman", "identify"), cli::err);
            assertTrue(cli.out().contains("ProductVendor = Microsoft Corporation"), cli.out());
            assertEquals(0, cli.run("wsman", "identify", "--output", "xml"), cli::err);
            assertTrue(cli.out().trim().startsWith("<wsmid:IdentifyResponse"), cli.out());
        }
    }

    @Test
    void getByShortClassNameAndSelectors() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            assertEquals(0, cli.run("wsman", "get", "Msvm_ComputerSystem", "--selector",
                    "CreationClassName=Msvm_ComputerSystem", "--selector", "Name=" + WEB01, "--output", "json"),
                    cli::err);
            JsonNode j = cli.json();
            assertEquals("http://schemas.microsoft.com/wbem/wsman/1/wmi/root/virtualization/v2/Msvm_ComputerSystem",
                    j.get("resourceUri").asText());
            assertEquals("web-frontend-01", j.get("properties").get("ElementName").asText());
            assertEquals(WEB01, j.get("properties").get("Name").asText());

            assertEquals(0, cli.run("wsman", "get", "Msvm_ComputerSystem", "--selector",
                    "CreationClassName=Msvm_ComputerSystem", "--selector", "Name=" + WEB01, "--output", "xml"));
            assertTrue(cli.out().contains(">web-frontend-01<") && cli.out().contains("Msvm_ComputerSystem"), cli.out());
        }
    }

    @Test
    void getOfAMissingInstanceIsTheHostsFaultOnOneLine() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            int code = cli.run("wsman", "get", "Msvm_ComputerSystem", "--selector",
                    "CreationClassName=Msvm_ComputerSystem", "--selector", "Name=00000000-0000-4000-8000-000000000000");
            assertEquals(1, code, cli::err);
            assertTrue(cli.err().startsWith("error: "), cli.err());
            assertEquals("", cli.out());
        }
    }

    @Test
    void enumerateWithWqlAssociatorsAndReferences() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            assertEquals(0, cli.run("wsman", "enumerate", "*", "--filter",
                    "SELECT * FROM Msvm_ComputerSystem WHERE ElementName = 'file-server'", "--output", "json"),
                    cli::err);
            JsonNode j = cli.json();
            assertEquals(2, j.get("count").asInt());
            assertEquals("file-server", j.get("items").get(0).get("properties").get("ElementName").asText());

            assertEquals(0, cli.run("wsman", "enumerate", "Msvm_ComputerSystem", "--associators", "--selector",
                    "CreationClassName=Msvm_ComputerSystem", "--selector", "Name=" + WEB01, "--result-class",
                    "Msvm_ReplicationRelationship", "--output", "json"), cli::err);
            j = cli.json();
            assertEquals("ASSOCIATORS OF {Msvm_ComputerSystem.CreationClassName='Msvm_ComputerSystem',Name='" + WEB01
                    + "'} WHERE ResultClass = Msvm_ReplicationRelationship", j.get("filter").asText());
            assertEquals(1, j.get("count").asInt());
            assertEquals("Microsoft:" + WEB01 + "\\HVR\\0",
                    j.get("items").get(0).get("properties").get("InstanceID").asText());

            assertEquals(0, cli.run("wsman", "enumerate", "Msvm_ReplicationService", "--epr", "--output", "json"),
                    cli::err);
            j = cli.json();
            assertEquals(1, j.get("count").asInt());
            assertEquals("replicasvc", j.get("items").get(0).get("selectors").get("Name").asText());
        }
    }

    @Test
    void enumerateOptionsThatContradictEachOtherAreUsageErrors() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            assertEquals(2, cli.run("wsman", "enumerate", "Msvm_ComputerSystem", "--associators"));
            assertTrue(cli.err().contains("--selector"), cli.err());
            assertEquals(2, cli.run("wsman", "enumerate", "Msvm_ComputerSystem", "--selector", "Name=x"));
            assertEquals(2, cli.run("wsman", "get", "Msvm_ComputerSystem", "--output", "yaml"));
        }
    }

    @Test
    void invokeOfRevertFailoverSendsTheSameEnvelopeAsRevertFailover() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            assertEquals(0, cli.run("revert-failover", "--vm", "web-frontend-01"), cli::err);
            // The VM now replicates again: the host refuses a second revert, but the request is what is compared.
            invokeRevert(cli, WEB01, "--output", "json");
            List<String> sent = f.sim.backend().invokeEnvelopes("RevertFailover");
            assertEquals(2, sent.size());
            String messageId = "(<a:MessageID[^>]*>)uuid:[0-9A-F-]{36}(</a:MessageID>)";
            String verb = sent.get(0).replaceAll(messageId, "$1$2");
            String generic = sent.get(1).replaceAll(messageId, "$1$2");
            assertTrue(verb.contains("<p:RevertFailover_INPUT") && verb.contains(WEB01), verb);
            assertEquals(verb, generic);
            assertTrue(!sent.get(0).equals(sent.get(1)), "two requests, two MessageIDs");
        }
    }

    /**
     * The same, each on a fresh host so that both Invokes are accepted: the envelopes are equal but for the
     * MessageID, and both leave the VM in the same replication state through a job the host ran once.
     */
    @Test
    void invokeOfRevertFailoverIsTheSameInvokeWithTheSameEffectAsRevertFailover() {
        try (SimulatedHostFixture verbHost = new SimulatedHostFixture("default");
             SimulatedHostFixture genericHost = new SimulatedHostFixture("default")) {
            SimulatedCli verb = new SimulatedCli(verbHost, dir);
            SimulatedCli generic = new SimulatedCli(genericHost, dir);
            int before = verbHost.sim.replicationState("web-frontend-01");
            assertEquals(before, genericHost.sim.replicationState("web-frontend-01"));

            assertEquals(0, verb.run("revert-failover", "--vm", "web-frontend-01"), verb::err);
            assertEquals(0, invokeRevert(generic, WEB01, "--output", "json"), generic::err);
            assertEquals(4096, generic.json().get("returnValue").asInt());
            String jobId = generic.json().get("job").get("selectors").get("InstanceID").asText();
            assertEquals(0, generic.run("job", "wait", "--job", jobId), generic::err);

            List<String> a = verbHost.sim.backend().invokeEnvelopes("RevertFailover");
            List<String> b = genericHost.sim.backend().invokeEnvelopes("RevertFailover");
            assertEquals(1, a.size());
            assertEquals(1, b.size());
            // Apart from the MessageID, only a:To differs: each host's own port.
            String messageId = "(<a:MessageID[^>]*>)uuid:[0-9A-F-]{36}(</a:MessageID>)";
            String to = "(<a:To>http://127\\.0\\.0\\.1:)\\d+(/wsman</a:To>)";
            assertEquals(a.get(0).replaceAll(messageId, "$1$2").replaceAll(to, "$1$2"),
                    b.get(0).replaceAll(messageId, "$1$2").replaceAll(to, "$1$2"));
            assertTrue(a.get(0).contains("/Msvm_ReplicationService/RevertFailover</a:Action>"), a.get(0));
            int after = verbHost.sim.replicationState("web-frontend-01");
            assertTrue(after != before, "the revert changed the state");
            assertEquals(after, genericHost.sim.replicationState("web-frontend-01"));
        }
    }

    @Test
    void invokeReportsTheReturnValueAndTheJob() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            assertEquals(0, invokeRevert(cli, WEB01, "--output", "json"), cli::err);
            JsonNode j = cli.json();
            assertEquals(4096, j.get("returnValue").asInt());
            assertEquals("Method Parameters Checked - Job Started", j.get("returnValueMeaning").asText());
            assertTrue(j.get("job").get("resourceUri").asText().endsWith("/Msvm_ConcreteJob"), j.toString());
            assertEquals(1, f.sim.invocations("RevertFailover"));

            // A VM the host does not know: ReturnValue 32773, exit 1.
            assertEquals(1, invokeRevert(cli, "00000000-0000-4000-8000-000000000000"), cli::err);
            assertTrue(cli.err().contains("ReturnValue 32773"), cli.err());
        }
    }

    @Test
    void aLostReplyToInvokeIsUnknownAndNeverResent() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            f.sim.faults().arm(HostFault.DROP_AFTER_PROCESSING, "RevertFailover", 1);
            assertEquals(5, invokeRevert(cli, WEB01, "--output", "json"), cli::err);
            JsonNode j = cli.json();
            assertEquals("unknown", j.get("outcome").asText());
            assertTrue(j.get("message").asText().contains("not resent"), j.toString());
            assertEquals(1, f.sim.invocations("RevertFailover"), "exactly one Invoke");
        }
    }
}
