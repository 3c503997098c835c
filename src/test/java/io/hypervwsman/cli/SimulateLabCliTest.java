package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hypervwsman.hyperv.HyperVHost;
import io.hypervwsman.hyperv.ReplicationMode;
import io.hypervwsman.hyperv.VirtualMachine;
import io.hypervwsman.transport.AuthMode;
import io.hypervwsman.transport.ConnectionOptions;
import io.hypervwsman.transport.Credentials;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code simulate --lab}: one line and one endpoint per host, the endpoints file, hosts down from the start. */
class SimulateLabCliTest {
    static final String PASSWORD = "Lab-Pa55word!";

    @TempDir
    Path dir;

    static List<VirtualMachine> vmsOn(URI endpoint) {
        ConnectionOptions o = ConnectionOptions.builder(endpoint)
                .auth(AuthMode.NTLM, new Credentials("LAB\\operator", PASSWORD.toCharArray())).build();
        try (HyperVHost h = HyperVHost.builder().connect(o).name("lab").build()) {
            return h.vms().list();
        }
    }

    @Test
    void theBundledLabServesSixHostsOfFortyVmsAndWritesTheirEndpoints() throws Exception {
        Path pw = PrivateFile.write(dir.resolve("pw"), PASSWORD + "\n");
        Path endpoints = dir.resolve("lab.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SimulateCommand cmd = new SimulateCommand();
        cmd.terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, null, Map.of(),
                Clock.systemUTC(), d -> { });
        List<String> seen = new ArrayList<>();
        cmd.whileServing = (lab, stopped) -> {
            JsonNode doc;
            try {
                doc = new ObjectMapper().readTree(endpoints.toFile());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            assertEquals("two-sites", doc.get("lab").asText());
            assertEquals(6, doc.get("hosts").size());
            for (JsonNode h : doc.get("hosts")) {
                boolean down = h.get("site").asText().equals("dr");
                assertEquals(down, h.get("down").asBoolean(), h.toString());
                if (!down) {
                    List<VirtualMachine> vms = vmsOn(URI.create(h.get("endpoint").asText()));
                    assertEquals(40, vms.size(), h.toString());
                    assertTrue(vms.stream().allMatch(v -> v.replicationMode() == ReplicationMode.PRIMARY
                            && v.enabledState() == 2), h.toString());
                }
                seen.add(h.get("name").asText() + " " + h.get("site").asText() + " " + h.get("endpoint").asText()
                        + (down ? " down" : ""));
            }
        };
        int code = new CommandLine(cmd).execute("--lab", "bundled", "--user", "LAB\\operator", "--password-file",
                pw.toString(), "--lab-endpoints-file", endpoints.toString(), "--down", "dr");
        assertEquals(0, code);
        assertEquals(List.of("PROD-HV1", "PROD-HV2", "PROD-HV3", "DR-HV1", "DR-HV2", "DR-HV3"),
                seen.stream().map(l -> l.split(" ")[0]).toList());
        assertEquals(seen, out.toString(StandardCharsets.UTF_8).lines().toList(), "one line per host: name site url");
        assertTrue(seen.stream().allMatch(l -> l.matches("\\S+ (prod|dr) http://127\\.0\\.0\\.1:\\d+/wsman( down)?")),
                seen.toString());
    }

    @Test
    void aWrongLabNameListsTheBundledOnes() {
        CliRun r = CliRun.exactly(Map.of(PasswordSource.ENV, PASSWORD), "simulate", "--lab", "three-sites", "--user",
                "LAB\\operator");
        assertEquals(2, r.exitCode(), r::describe);
        assertTrue(r.err().startsWith("error: --lab three-sites is neither a bundled lab nor a readable file"), r.err());
        assertTrue(r.err().contains("bundled labs: bundled (= two-sites)"), r.err());
    }

    @Test
    void downAndTheEndpointsFileNeedALab() {
        CliRun r = CliRun.exactly(Map.of(PasswordSource.ENV, PASSWORD), "simulate", "--down", "dr", "--user",
                "LAB\\operator");
        assertEquals(2, r.exitCode(), r::describe);
        assertTrue(r.err().startsWith("error: --lab-endpoints-file and --down need --lab"), r.err());
    }

    @Test
    void theBundledNamesAreTheLabsInTheJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/labs"))) {
            List<String> names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
            assertEquals(names, BundledLabs.NAMES.stream().sorted().toList());
        }
    }
}
