package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * --simulate never passes for a real host: with an option meant for one it is a usage error (nothing runs), and
 * every simulated result says it is simulated (text marker, JSON "simulated": true).
 */
class SimulatedRunsSayItCliTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--host|hv01.lab.example", "--user|LAB\\operator", "--auth|kerberos", "--ca-file|ca.pem",
            "--realm|LAB.EXAMPLE", "--kdc|kdc.lab.example", "--password-file|pw", "--keytab|op.keytab"})
    void aRealConnectionOptionWithSimulateIsAUsageError(String option, String value) {
        CliRun r = CliRun.exactly("revert-failover", "--simulate", "--vm", "web-frontend-01", option, value);
        assertEquals(2, r.exitCode(), r::describe);
        assertEquals("", r.out(), "nothing ran");
        assertTrue(r.err().startsWith("error: --simulate runs against the embedded simulated host only; it cannot go"
                + " with " + option + "\n"), r.err());
        assertTrue(r.err().contains("hint: drop --simulate to reach a real host"), r.err());
    }

    @Test
    void flagsForARealHostAreRefusedTooAndAllAreNamed() {
        CliRun r = CliRun.exactly("vms", "--simulate", "--https", "--insecure-skip-tls-verification", "--output",
                "json");
        assertEquals(2, r.exitCode(), r::describe);
        JsonNode j = r.json();
        assertEquals(2, j.get("exitCode").asInt());
        assertTrue(j.get("message").asText().endsWith("cannot go with --https, --insecure-skip-tls-verification"),
                j.toString());
    }

    @Test
    void withRawXmlOutputTheBannerGoesToStderrAndStdoutIsOneWellFormedDocument() throws Exception {
        CliRun r = CliRun.exactly("wsman", "identify", "--simulate", "--output", "xml");
        assertEquals(0, r.exitCode(), r::describe);
        assertTrue(r.err().startsWith("[SIMULATED] embedded simulated Hyper-V host"), r.err());
        assertTrue(r.out().startsWith("<"), r.out());
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        org.w3c.dom.Document d = f.newDocumentBuilder().parse(new org.xml.sax.InputSource(
                new java.io.StringReader(r.out())));
        assertTrue(d.getDocumentElement().getLocalName().contains("Identify")
                || d.getDocumentElement().getLocalName().equals("Envelope"), d.getDocumentElement().getLocalName());
    }

    @Test
    void aSimulatedRevertSaysSimulatedInTextAndJson() throws IOException {
        Path quick = quickScenario();
        CliRun text = CliRun.exactly("revert-failover", "--simulate", "--scenario", quick.toString(), "--vm",
                "web-frontend-01");
        assertEquals(0, text.exitCode(), text::describe);
        assertTrue(text.out().startsWith("[SIMULATED] embedded simulated Hyper-V host"), text.out());
        assertTrue(text.out().lines().anyMatch(l -> l.startsWith("[SIMULATED] succeeded: ")), text.out());

        CliRun json = CliRun.exactly("revert-failover", "--simulate", "--scenario", quick.toString(), "--vm",
                "web-frontend-01", "--output", "json");
        assertEquals(0, json.exitCode(), json::describe);
        JsonNode j = json.json();
        assertTrue(j.get("simulated").asBoolean(), j.toString());
        assertEquals("succeeded", j.get("outcome").asText());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "wsman identify|Identify|0",
            "wsman get Msvm_ReplicationService --selector CreationClassName=Msvm_ReplicationService --selector"
                    + " Name=replicasvc --selector SystemCreationClassName=Msvm_ComputerSystem --selector"
                    + " SystemName=HV01|WsManGet|0",
            "wsman enumerate Msvm_ReplicationRelationship|WsManEnumerate|0",
            "wsman invoke Msvm_ReplicationService RequestReplicationStateChange --selector"
                    + " CreationClassName=Msvm_ReplicationService --selector Name=replicasvc --selector"
                    + " SystemCreationClassName=Msvm_ComputerSystem --selector SystemName=HV01"
                    + "|RequestReplicationStateChange|1"})
    void everyWsManVerbSaysSimulatedInItsJson(String command, String operation, int exitCode) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(command.split(" ")));
        args.addAll(java.util.List.of("--simulate", "--output", "json"));
        CliRun r = CliRun.exactly(args.toArray(String[]::new));
        assertEquals(exitCode, r.exitCode(), r::describe);
        JsonNode j = r.json();
        assertTrue(j.get("simulated").asBoolean(), j.toString());
        assertEquals(operation, j.get("operation").asText());
        assertEquals("simulated-host", j.get("host").asText());
        assertEquals(exitCode, j.get("exitCode").asInt());
        assertEquals(exitCode == 0 ? "succeeded" : "failed", j.get("outcome").asText());
    }

    @Test
    void simulatedListingsAndFailuresSayItToo() {
        CliRun vms = CliRun.exactly("vms", "--simulate", "--output", "json");
        assertEquals(0, vms.exitCode(), vms::describe);
        assertTrue(vms.json().get("simulated").asBoolean());

        CliRun table = CliRun.exactly("replication", "status", "--simulate");
        assertEquals(0, table.exitCode(), table::describe);
        assertTrue(table.out().startsWith("[SIMULATED] "), table.out());

        CliRun failed = CliRun.exactly("revert-failover", "--simulate", "--vm", "no-such-vm", "--output", "json");
        assertEquals(1, failed.exitCode(), failed::describe);
        assertTrue(failed.json().get("simulated").asBoolean());
    }

    @Test
    void aRealHostsResultSaysItIsNotSimulated() {
        CliRun r = CliRun.exactly("vms", "--host", "http://127.0.0.1:1/wsman", "--auth", "ntlm", "--user", "u",
                "--output", "json");
        // no password anywhere: a usage error before anything is sent, still one object, not simulated
        assertEquals(2, r.exitCode(), r::describe);
        assertEquals(false, r.json().get("simulated").asBoolean());
    }

    /** The default scenario with a job that ends at once, so a simulated revert needs no real waiting. */
    private Path quickScenario() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/scenarios/default.json")) {
            String scenario = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\"PT5S\"", "\"PT0S\"");
            return Files.writeString(dir.resolve("quick.json"), scenario);
        }
    }
}
