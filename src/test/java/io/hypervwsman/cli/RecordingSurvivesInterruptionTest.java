package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator who stops a run (Ctrl-C, SIGTERM) while it waits for a long job is told which job goes on and how to
 * resume waiting, and keeps what --record recorded: the CLI runs in a JVM of its own, is stopped once it reports
 * the job running, and its last stderr line and its recording are checked.
 */
class RecordingSurvivesInterruptionTest {
    @TempDir
    Path dir;

    @Test
    void aStoppedRunStillWritesItsRecording() throws Exception {
        Path scenario = Files.writeString(dir.resolve("long-job.json"), """
                {
                  "host": "HV01",
                  "users": ["LAB\\\\operator"],
                  "behaviours": { "RevertFailover": { "jobDuration": "PT30M" } },
                  "vms": [ { "name": "web-frontend-01", "id": "4EA7033C-356C-4EBA-9F77-1A3399CFCD72", "power": "off",
                             "replicationMode": 2,
                             "relationships": [ { "state": 5, "lastReplicationTime": "2026-11-23T09:55:00Z" } ] } ]
                }
                """);
        Path recording = dir.resolve("recording");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "revert-failover", "--simulate",
                "--scenario", scenario.toString(), "--vm", "web-frontend-01", "--record", recording.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String job = null;
        String stopped = null;
        try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                if (job == null && line.startsWith("job ") && line.contains("Running")) {
                    job = line.substring(4, line.indexOf(':'));
                    // SIGTERM, as a service manager or Ctrl-C would stop it (the handle, unlike Process.destroy,
                    // leaves our end of its stderr open)
                    p.toHandle().destroy();
                } else if (line.startsWith("stopped: ")) {
                    stopped = line;
                }
            }
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the CLI stopped");
        } finally {
            p.destroyForcibly();
        }
        assertTrue(job != null, "the job was reported running before the run ended");
        assertEquals(143, p.exitValue(), "stopped by SIGTERM, not finished");
        // the operator is told the job goes on, and how to follow it again
        assertEquals("stopped: job " + job + " goes on on HV01; resume waiting with: hyperv-wsman job wait"
                + " --job " + job + " --simulate --scenario " + scenario + " (but the embedded simulated host, and its job, end with this command)",
                stopped);
        List<String> mappings;
        try (Stream<Path> files = Files.list(recording.resolve("mappings"))) {
            mappings = files.map(f -> f.getFileName().toString()).sorted().toList();
        }
        // VM lookup, relationship, service EPR, the Invoke and at least one poll
        assertTrue(mappings.size() >= 5, mappings.toString());
        String all = String.join("\n", mappings.stream().map(m -> {
            try {
                return Files.readString(recording.resolve("mappings").resolve(m));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList());
        assertTrue(all.contains("RevertFailover"), "the Invoke is in the recording");
    }
}
