package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.sim.ManualClock;
import io.hypervwsman.sim.Scenario;
import io.hypervwsman.sim.SimulatedHost;
import io.hypervwsman.testing.WinRmEndpoint;
import io.hypervwsman.testing.WinRmReplayServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Record a CLI run against the simulated host with --record, replay the mappings behind the NTLM + encryption front,
 * and the same command prints the same thing. Both runs use a manual clock started at the same instant and advanced
 * only by the CLI's own waits, so the revert polls its job the same number of times; were a replay to poll more,
 * the recorded job sequence keeps answering with its last (completed) state.
 */
class RecordReplayRoundTripTest {
    static final String USER = "LAB\\operator";
    static final char[] PASSWORD = "Record-Pa55word!".toCharArray();

    @TempDir
    Path work;

    @Test
    void aRecordedRevertReplaysWithTheSameOutput() throws IOException {
        Path recording = work.resolve("revert");
        CliRun recorded;
        ManualClock hostTime = new ManualClock(CliRun.START);
        try (SimulatedHost sim = SimulatedHost.start(Scenario.fromResource("default"), USER, PASSWORD, hostTime)) {
            recorded = CliRun.against(sim.endpoint(), USER, PASSWORD, work, hostTime,
                    "revert-failover", "--vm", "web-frontend-01", "--record", recording.toString());
            assertEquals(1, sim.invocations("RevertFailover"));
        }
        assertEquals(0, recorded.exitCode(), recorded::describe);
        assertTrue(mappings(recording) >= 4, "Enumerate, Get, Invoke and job polls recorded");

        try (WinRmReplayServer replay = WinRmReplayServer.start(recording, USER)) {
            WinRmEndpoint e = replay.endpoint();
            CliRun replayed = CliRun.against(e.uri(), e.user(), e.password(), work, new ManualClock(CliRun.START),
                    "revert-failover", "--vm", "web-frontend-01");
            assertEquals(0, replayed.exitCode(), replayed::describe);
            assertEquals(recorded.out(), replayed.out());
            assertEquals(0, replay.unmatchedRequests(), "every replayed request matched a recorded one");
        }
    }

    @Test
    void recordedListingsReplayWithTheSameOutput() throws IOException {
        Path recording = work.resolve("listings");
        CliRun vms;
        CliRun status;
        try (SimulatedHost sim = SimulatedHost.start(Scenario.fromResource("default"), USER, PASSWORD,
                new ManualClock(CliRun.START))) {
            vms = CliRun.against(sim.endpoint(), USER, PASSWORD, work, new ManualClock(CliRun.START),
                    "vms", "--record", recording.resolve("vms").toString());
            status = CliRun.against(sim.endpoint(), USER, PASSWORD, work, new ManualClock(CliRun.START),
                    "replication", "status", "--output", "json", "--record", recording.resolve("status").toString());
        }
        assertEquals(0, vms.exitCode(), vms::describe);
        assertEquals(0, status.exitCode(), status::describe);
        for (String[] run : new String[][] {{"vms", "vms"}, {"status", "replication", "status", "--output", "json"}}) {
            try (WinRmReplayServer replay = WinRmReplayServer.start(recording.resolve(run[0]), USER)) {
                WinRmEndpoint e = replay.endpoint();
                CliRun replayed = CliRun.against(e.uri(), e.user(), e.password(), work, new ManualClock(CliRun.START),
                        java.util.Arrays.copyOfRange(run, 1, run.length));
                assertEquals(0, replayed.exitCode(), replayed::describe);
                // the same listing; only the JSON's "host" (the endpoint URL as given) differs
                assertEquals(withoutEndpoint(run[0].equals("vms") ? vms.out() : status.out()),
                        withoutEndpoint(replayed.out()));
            }
        }
    }

    private static String withoutEndpoint(String out) {
        return out.replaceAll("\"host\":\"http://127\\.0\\.0\\.1:\\d+/wsman\"", "\"host\":\"ENDPOINT\"");
    }

    static long mappings(Path recording) throws IOException {
        try (Stream<Path> files = Files.list(recording.resolve("mappings"))) {
            return files.count();
        }
    }
}
