package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hypervwsman.hyperv.SimulatedHostFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI contract: one JSON object, the documented exit codes, one clear line on errors, one Invoke. */
class RevertFailoverCliTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    @TempDir
    Path dir;

    int run(SimulatedHostFixture f, String... args) throws Exception {
        Path pw = PrivateFile.write(dir.resolve("password"), SimulatedHostFixture.PASSWORD + "\n");
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--host", f.sim.endpoint().toString(), "--auth", "ntlm", "--user", SimulatedHostFixture.USER,
                "--password-file", pw.toString()));
        return Main.run(all.toArray(String[]::new), new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), null, Map.of(), f.clock, d -> f.clock.advance(d)));
    }

    JsonNode json() throws Exception {
        String text = out.toString(StandardCharsets.UTF_8).trim();
        assertEquals(1, text.lines().count(), "exactly one line of JSON: " + text);
        return new ObjectMapper().readTree(text);
    }

    @Test
    void jsonOutputOfASuccessfulRevert() throws Exception {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            assertEquals(0, run(f, "revert-failover", "--vm", "web-frontend-01", "--output", "json"));
            JsonNode j = json();
            List<String> keys = new ArrayList<>();
            for (Iterator<String> it = j.fieldNames(); it.hasNext(); ) {
                keys.add(it.next());
            }
            assertEquals(List.of("operation", "host", "simulated", "vm", "returnValue", "job", "outcome", "decidedBy",
                    "changed", "message",
                    "durationMs", "warnings"), keys);
            assertEquals("RevertFailover", j.get("operation").asText());
            assertEquals("web-frontend-01", j.get("vm").get("name").asText());
            assertEquals("4EA7033C-356C-4EBA-9F77-1A3399CFCD72", j.get("vm").get("id").asText());
            assertEquals(4096, j.get("returnValue").asInt());
            JsonNode job = j.get("job");
            assertEquals(7, job.get("jobState").asInt());
            assertEquals("Completed", job.get("state").asText());
            assertEquals(100, job.get("percentComplete").asInt());
            assertEquals(0, job.get("errorCode").asInt());
            assertTrue(job.get("errorSummary").isNull());
            assertTrue(job.get("errors").isArray());
            assertEquals("succeeded", j.get("outcome").asText());
            assertEquals("job", j.get("decidedBy").asText());
            assertTrue(j.get("changed").asBoolean());
            assertTrue(j.get("durationMs").asLong() >= 0);
            assertEquals(1, f.sim.invocations("RevertFailover"));
        }
    }

    @Test
    void textOutputEndsWithOneSummaryLine() throws Exception {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            assertEquals(0, run(f, "revert-failover", "--vm", "web-frontend-01"));
            String stdout = out.toString(StandardCharsets.UTF_8);
            assertEquals(1, stdout.lines().count(), stdout);
            assertTrue(stdout.startsWith("succeeded: RevertFailover completed for web-frontend-01"), stdout);
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("Completed 100%"), "progress lines on stderr");
        }
    }

    @Test
    void aPreCheckRefusalIsExitCodeOneWithAHint() throws Exception {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            assertEquals(1, run(f, "revert-failover", "--vm", "build-agent-01"));
            String stderr = err.toString(StandardCharsets.UTF_8);
            assertTrue(stderr.startsWith("error: build-agent-01 is Running"), stderr);
            assertTrue(stderr.contains("hint: add --turn-off"), stderr);
            assertTrue(!stderr.contains("\tat "), "no stack trace without --verbose");
            assertEquals(0, f.sim.invocations("RevertFailover"));
        }
    }

    @Test
    void aTimeoutIsExitCodeFiveAndSaysHowToResume() throws Exception {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            assertEquals(5, run(f, "revert-failover", "--vm", "web-frontend-01", "--timeout", "2s"));
            String stderr = err.toString(StandardCharsets.UTF_8);
            assertTrue(stderr.contains("hint: resume waiting with: hyperv-wsman job wait --job "), stderr);
            assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("timed-out: "));
            assertEquals(1, f.sim.invocations("RevertFailover"));
        }
    }

    @Test
    void jobWaitResumesAndFinishes() throws Exception {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            assertEquals(5, run(f, "revert-failover", "--vm", "web-frontend-01", "--timeout", "2s", "--output", "json"));
            String jobId = json().get("job").get("instanceId").asText();
            out.reset();
            assertEquals(0, run(f, "job", "wait", "--job", jobId, "--output", "json"), () -> out + " / " + err);
            JsonNode j = json();
            assertEquals("succeeded", j.get("outcome").asText());
            assertNull(j.get("vm").textValue());
            assertEquals(1, f.sim.invocations("RevertFailover"));
        }
    }

    @Test
    void aFailedJobIsExitCodeOne() throws Exception {
        try (SimulatedHostFixture f = new SimulatedHostFixture("revert-job-fails")) {
            assertEquals(1, run(f, "revert-failover", "--vm", "web-frontend-01", "--output", "json"));
            JsonNode j = json();
            assertEquals("failed", j.get("outcome").asText());
            assertTrue(j.get("job").get("errors").size() > 0);
            assertEquals(1, f.sim.invocations("RevertFailover"));
        }
    }

    @Test
    void wrongPasswordIsExitCodeThree() throws Exception {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            Path pw = PrivateFile.write(dir.resolve("wrong"), "Not-The-Pa55word");
            int code = Main.run(new String[] {"revert-failover", "--vm", "web-frontend-01", "--host",
                f.sim.endpoint().toString(), "--auth", "ntlm", "--user", SimulatedHostFixture.USER, "--password-file",
                pw.toString()}, new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8), null, Map.of(), f.clock, d -> f.clock.advance(d)));
            assertEquals(3, code);
            assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error: the host at "));
            assertTrue(!err.toString(StandardCharsets.UTF_8).contains("Not-The-Pa55word"));
            assertEquals(0, f.sim.invocations("RevertFailover"));
        }
    }

    @Test
    void vmsAndReplicationStatusUsePowerShellNames() throws Exception {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            assertEquals(0, run(f, "replication", "status", "--vm", "web-frontend-01", "--output", "json"));
            String text = out.toString(StandardCharsets.UTF_8).trim();
            JsonNode row = new ObjectMapper().readTree(text).get("vms").get(0);
            assertEquals("Replica", row.get("mode").asText());
            assertEquals("FailedOverWaitingCompletion", row.get("state").asText());
            assertEquals("Warning", row.get("health").asText());
            out.reset();
            assertEquals(0, run(f, "vms", "--output", "json"));
            JsonNode vms = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8).trim()).get("vms");
            assertTrue(vms.size() >= 8, vms.toString());
        }
    }
}
