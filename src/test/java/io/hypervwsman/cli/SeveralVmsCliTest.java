package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: a single-VM verb over several VMs (--vm a --vm b, a glob, GUIDs) runs as a plan of one group: each VM
 * once, a per-VM table or one JSON object, the highest per-VM exit code (scenario power.json).
 */
class SeveralVmsCliTest extends SimulatedScenarioCliTest {
    private static final String OFF_01 = "5C000000-0003-4000-8000-000000000003";

    SeveralVmsCliTest() {
        super("power.json");
    }

    private int stateChanges() {
        return host.sim.invocations("RequestStateChange");
    }

    @Test
    void twoVmsStartAndTheTableHasARowEach() {
        assertEquals(0, cli.run("start-vm", "--vm", "off-01", "--vm", "saved-01"), cli::err);
        List<String> lines = cli.out().lines().toList();
        assertTrue(lines.get(0).matches("VM\\s+OUTCOME\\s+DECIDED BY\\s+ELAPSED\\s+MESSAGE"), cli.out());
        assertTrue(lines.get(1).matches("off-01\\s+succeeded\\s+job\\s+\\d+\\.\\d s\\s+.+"), cli.out());
        assertTrue(lines.get(2).matches("saved-01\\s+succeeded\\s+job\\s+\\d+\\.\\d s\\s+.+"), cli.out());
        assertEquals("succeeded: 2 VMs, 2 succeeded (exit code 0)", lines.get(3));
        assertEquals(2, stateChanges());
        assertEquals(2, host.sim.enabledState("off-01"));
        assertEquals(2, host.sim.enabledState("saved-01"));
    }

    @Test
    void aVmNamedTwiceIsInvokedOnce() {
        assertEquals(0, cli.run("start-vm", "--vm", "off-01", "--vm", OFF_01, "--vm", "off-*", "--output", "json"),
                cli::err);
        JsonNode j = cli.json();
        assertEquals(1, j.get("vms").size(), j::toString);
        assertEquals(OFF_01, j.get("vms").get(0).get("vm").get("id").asText());
        assertEquals(1, stateChanges());
    }

    @Test
    void aGlobRunsEveryMatchAndTheExitCodeIsTheWorst() {
        assertEquals(1, cli.run("start-vm", "--vm", "*-01", "--concurrency", "2", "--output", "json"), cli::err);
        JsonNode j = cli.json();
        assertEquals(7, j.get("vms").size(), j::toString);
        Map<String, String> decided = new HashMap<>();
        j.get("vms").forEach(v -> decided.put(v.get("vm").get("name").asText(), v.get("decidedBy").asText()
                + "/" + v.get("outcome").asText() + "/" + v.get("exitCode").asInt()));
        assertEquals("nothing-to-do/succeeded/0", decided.get("app-01"));
        assertEquals("job/succeeded/0", decided.get("off-01"));
        assertEquals("pre-check/failed/1", decided.get("replica-01"), j::toString);
        assertEquals(7, j.get("summary").get("total").asInt());
        assertEquals(1, j.get("summary").get("failed").asInt());
        assertEquals(6, j.get("summary").get("succeeded").asInt());
        assertEquals("failed", j.get("outcome").asText());
        assertEquals(1, j.get("exitCode").asInt());
        assertEquals(2, stateChanges(), "off-01 and saved-01 only");
        assertEquals("", cli.err(), "nothing but the one JSON object with --output json");
    }

    @Test
    void aGlobThatMatchesNothingIsOneLineAndNotFound() {
        assertEquals(1, cli.run("start-vm", "--vm", "off-01", "--vm", "db-*"));
        assertEquals("", cli.out().replaceAll("(?m)^\\[SIMULATED].*\\R", ""));
        assertTrue(cli.err().startsWith("error: no virtual machine on "), cli.err());
        assertTrue(cli.err().lines().findFirst().orElse("").endsWith(" matches db-*"), cli.err());
        assertEquals(0, stateChanges(), "nothing is invoked when any --vm names nothing");
    }

    @Test
    void aDryRunListsWhatWouldRunPerVm() {
        assertEquals(0, cli.run("start-vm", "--vm", "off-01", "--vm", "saved-01", "--dry-run", "--output", "json"),
                cli::err);
        JsonNode j = cli.json();
        assertEquals("planned", j.get("outcome").asText());
        j.get("vms").forEach(v -> {
            assertEquals("planned", v.get("outcome").asText());
            assertEquals("dry-run", v.get("decidedBy").asText());
            assertTrue(v.get("message").asText().contains("to Running"), v::toString);
        });
        assertEquals(0, stateChanges());
    }

    @Test
    void concurrencyBelowOneIsAUsageError() {
        assertEquals(2, cli.run("start-vm", "--vm", "off-01", "--vm", "saved-01", "--concurrency", "0"));
        assertTrue(cli.err().startsWith("error: --concurrency must be at least 1"), cli.err());
        assertEquals(0, stateChanges());
    }

    @Test
    void aSingleVmKeepsItsOwnOutput() {
        assertEquals(0, cli.run("start-vm", "--vm", "off-01", "--output", "json"), cli::err);
        JsonNode j = cli.json();
        assertEquals("RequestStateChange", j.get("wmiMethod").asText());
        assertFalse(j.has("vms"), j::toString);
    }

    @Test
    void withoutATerminalTheLiveViewAppendsOneLinePerChange() {
        assertEquals(0, cli.run("start-vm", "--vm", "off-01", "--vm", "saved-01"), cli::err);
        List<String> view = new ArrayList<>(cli.err().lines().toList());
        assertTrue(view.stream().anyMatch(l -> l.matches("\\d\\d:\\d\\d:\\d\\d start-vm/off-01: invoking RequestStateChange")),
                cli.err());
        assertTrue(view.stream().anyMatch(l -> l.matches("\\d\\d:\\d\\d:\\d\\d start-vm/saved-01: succeeded: .+")), cli.err());
        assertFalse(cli.err().contains("\033["), "no cursor movement without a terminal");
        assertFalse(cli.err().contains(": heartbeat"), "no heartbeat phase without --wait-for-heartbeat: " + cli.err());
    }

    @Test
    void onATerminalTheLiveViewIsRedrawnInPlace() {
        cli.reader = prompt -> {
            throw new AssertionError("start-vm asks nothing: " + prompt);
        };
        assertEquals(0, cli.run("start-vm", "--vm", "off-01", "--vm", "saved-01"), cli::err);
        String err = cli.err();
        assertTrue(err.contains("\033[3F\033[2Kstart-vm "), "the group line and its 2 VMs redrawn: " + err);
        assertTrue(err.contains("  off-01    "), err);
        assertTrue(err.contains(" succeeded "), err);
        assertEquals(4, cli.out().lines().count(), "stdout: the table (header, 2 rows) and the summary only");
    }
}
