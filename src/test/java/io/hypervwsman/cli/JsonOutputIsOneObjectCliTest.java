package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypervwsman.hyperv.SimulatedHostFixture;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --output json (in any case) prints exactly one JSON object on stdout whatever happens: a usage error, a failed
 * listing (the same shape as a successful one), a dry run ("planned"), a timeout (with the resume command), a stop.
 */
class JsonOutputIsOneObjectCliTest {
    private static final String VM = "web-frontend-01";
    @TempDir
    Path dir;

    @Test
    void aUsageErrorIsOneObjectWithExitCodeTwo() {
        CliRun r = CliRun.exactly("revert-failover", "--output", "JSON", "--vm", VM, "--frobnicate");
        assertEquals(2, r.exitCode(), r::describe);
        JsonNode j = r.json();
        assertEquals("usage-error", j.get("outcome").asText());
        assertEquals(2, j.get("exitCode").asInt());
        assertTrue(j.get("message").asText().contains("--frobnicate"), j.toString());
        assertEquals("", r.err(), "the error is in the object, not on stderr");

        CliRun missingVm = CliRun.exactly("revert-failover", "--output=json", "--simulate");
        assertEquals(2, missingVm.exitCode(), missingVm::describe);
        assertEquals("hyperv-wsman revert-failover", missingVm.json().get("operation").asText());
    }

    @Test
    void outputTakesJsonInAnyCase() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            assertEquals(0, cli.run("vms", "--output", "JSON"), cli::err);
            assertTrue(cli.json().get("vms").size() >= 8);
            assertEquals(0, cli.run("vms", "--output", "Text"), cli::err);
            assertTrue(cli.out().startsWith("ID "), cli.out());
        }
    }

    @Test
    void vmsHasOneShapeWhetherItSucceedsOrFails() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            assertEquals(0, cli.run("vms", "--output", "json"), cli::err);
            JsonNode ok = cli.json();
            String wrongPath = f.sim.endpoint().toString().replace("/wsman", "/wsmn");
            assertEquals(4, cli.runExactly("vms", "--output", "json", "--host", wrongPath, "--auth", "ntlm", "--user",
                    SimulatedHostFixture.USER, "--password-file", dir.resolve("password").toString()), cli::out);
            JsonNode failed = cli.json();
            for (String key : List.of("operation", "host", "simulated", "outcome", "exitCode", "vms")) {
                assertTrue(ok.has(key) && failed.has(key), key + " in both: " + ok + "\n" + failed);
            }
            assertTrue(ok.get("vms").isArray());
            assertTrue(failed.get("vms").isNull());
            assertEquals("failed", failed.get("outcome").asText());
            assertEquals(4, failed.get("exitCode").asInt());
        }
    }

    @Test
    void aDryRunIsPlannedNeverSucceeded() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            assertEquals(0, cli.run("revert-failover", "--vm", VM, "--dry-run", "--output", "json"), cli::err);
            JsonNode j = cli.json();
            assertEquals("planned", j.get("outcome").asText());
            assertEquals(0, cli.reverts());
            assertEquals(0, cli.run("revert-failover", "--vm", VM, "--dry-run"), cli::err);
            assertTrue(cli.out().startsWith("planned: dry run: would run revert-failover"), cli.out());
        }
    }

    @Test
    void aTimedOutResultCarriesTheResumeCommand() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            assertEquals(5, cli.run("revert-failover", "--vm", VM, "--timeout", "2s", "--output", "json"), cli::err);
            JsonNode j = cli.json();
            assertEquals("timed-out", j.get("outcome").asText());
            String job = j.get("job").get("instanceId").asText();
            assertTrue(j.get("resume").asText().startsWith("hyperv-wsman job wait --job " + job + " --host "),
                    j.toString());
        }
    }

    @Test
    void aStopBySigtermIsOneObjectNamingTheJobAndTheResumeCommand() throws Exception {
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
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "revert-failover", "--simulate",
                "--scenario", scenario.toString(), "--vm", VM, "--output", "json").start();
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String job = null;
        List<String> errLines = new ArrayList<>();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                errLines.add(line);
                if (job == null && line.startsWith("job ") && line.contains("Running")) {
                    job = line.substring(4, line.indexOf(':'));
                    p.toHandle().destroy();
                }
            }
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the CLI stopped");
        } finally {
            p.destroyForcibly();
        }
        assertTrue(job != null, "the job was named on stderr: " + errLines);
        assertEquals(143, p.exitValue());
        JsonNode j = JsonStdout.parse(stdout.get(30, TimeUnit.SECONDS), String.join("\n", errLines));
        assertEquals("stopped", j.get("outcome").asText());
        assertEquals(job, j.get("job").get("instanceId").asText());
        assertTrue(j.get("simulated").asBoolean());
        assertTrue(j.get("resume").asText().startsWith("hyperv-wsman job wait --job " + job + " --simulate"),
                j.toString());
    }
}
