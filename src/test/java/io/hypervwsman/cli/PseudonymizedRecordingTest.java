package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hypervwsman.sim.ManualClock;
import io.hypervwsman.sim.Scenario;
import io.hypervwsman.sim.SimulatedHost;
import io.hypervwsman.testing.WinRmEndpoint;
import io.hypervwsman.testing.WinRmReplayServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --record --pseudonymize leaves no host name, user name or GUID of the real host in the recording, and replaces
 * each one the same way everywhere: the replayed client sends back the pseudonyms it was given and every request
 * still matches.
 */
class PseudonymizedRecordingTest {
    static final String USER = "LAB\\operator";
    static final char[] PASSWORD = "Pseudo-Pa55word!".toCharArray();
    static final String GUID = "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}";

    @TempDir
    Path work;

    @Test
    void noRealNameOrGuidIsLeftAndTheRecordingStillReplays() throws IOException {
        Path recording = work.resolve("pseudonymized");
        Scenario scenario = Scenario.fromResource("default");
        ManualClock hostTime = new ManualClock(CliRun.START);
        CliRun recorded;
        try (SimulatedHost sim = SimulatedHost.start(scenario, USER, PASSWORD, hostTime)) {
            recorded = CliRun.against(sim.endpoint(), USER, PASSWORD, work, hostTime, "revert-failover", "--vm",
                    "web-frontend-01", "--output", "json", "--record", recording.toString(), "--pseudonymize");
        }
        assertEquals(0, recorded.exitCode(), recorded::describe);
        String jobId = new ObjectMapper().readTree(recorded.out()).get("job").get("instanceId").asText();

        String everything = readAll(recording);
        List<String> real = new ArrayList<>(List.of(scenario.host(), scenario.dnsDomain(), "operator", "LAB\\",
                jobId, new String(PASSWORD)));
        scenario.vms().forEach(vm -> real.add(vm.id()));
        for (String s : real) {
            assertFalse(everything.toLowerCase(Locale.ROOT).contains(s.toLowerCase(Locale.ROOT)),
                    () -> "the recording still contains " + s);
        }
        assertFalse(everything.contains("Authorization"), "no HTTP authorization in a mapping");
        assertTrue(everything.matches("(?s).*" + GUID + ".*"), "GUIDs are replaced, not removed");

        try (WinRmReplayServer replay = WinRmReplayServer.start(recording, USER)) {
            WinRmEndpoint e = replay.endpoint();
            CliRun replayed = CliRun.against(e.uri(), e.user(), e.password(), work, new ManualClock(CliRun.START),
                    "revert-failover", "--vm", "web-frontend-01", "--output", "json");
            assertEquals(0, replayed.exitCode(), replayed::describe);
            assertEquals(0, replay.unmatchedRequests(), "the pseudonyms the client sent back all matched");
            JsonNode j = new ObjectMapper().readTree(replayed.out());
            String vmPseudonym = j.get("vm").get("id").asText();
            assertTrue(vmPseudonym.matches(GUID), vmPseudonym);
            assertTrue(readAll(recording.resolve("mappings")).contains(vmPseudonym), "the VM's pseudonym is matched on");
            assertTrue(readAll(recording.resolve("__files")).contains(vmPseudonym), "and answered with");
            assertFalse(j.get("job").get("instanceId").asText().equalsIgnoreCase(jobId));
            assertEquals("succeeded", j.get("outcome").asText());
        }
    }

    static String readAll(Path dir) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                all.append(Files.readString(f, StandardCharsets.UTF_8)).append('\n');
            }
        }
        return all.toString();
    }
}
