package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypervwsman.hyperv.SimulatedHostFixture;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code job list}: the host's running and recently finished jobs with their VMs, as text and as one JSON object. */
class JobListCliTest {
    private static final String VM = "web-frontend-01";
    private static final String VM_ID = "4EA7033C-356C-4EBA-9F77-1A3399CFCD72";
    @TempDir
    Path dir;

    @Test
    void aRecentRevertIsListedWithItsVmInTextAndJson() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            assertEquals(0, cli.run("revert-failover", "--vm", VM), cli::err);

            assertEquals(0, cli.run("job", "list"), cli::err);
            String text = cli.out().trim();
            assertEquals(1, text.lines().count(), text);
            assertTrue(text.matches("[0-9A-F-]{36}  type 98  Completed 100%  started 2026-11-24T03:00:\\S+  "
                    + VM + " \\(" + VM_ID + "\\)"), text);

            assertEquals(0, cli.run("job", "list", "--output", "json"), cli::err);
            JsonNode j = cli.json();
            assertEquals(1, j.get("jobs").size());
            JsonNode job = j.get("jobs").get(0);
            assertEquals(98, job.get("jobType").asInt());
            assertEquals(7, job.get("jobState").asInt());
            assertEquals(VM, job.get("vm").get("name").asText());
            assertEquals(VM_ID, job.get("vm").get("id").asText());
            assertEquals(text.substring(0, 36), job.get("instanceId").asText());
        }
    }

    @Test
    void finishedJobsLeaveTheListAfterFiveMinutes() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            assertEquals(0, cli.run("revert-failover", "--vm", VM), cli::err);
            f.clock.advance(Duration.ofMinutes(6));

            assertEquals(0, cli.run("job", "list"), cli::err);
            assertEquals("no running or recently finished jobs on " + f.sim.endpoint(), cli.out().trim());
            assertEquals(0, cli.run("job", "list", "--output", "json"), cli::err);
            assertEquals(0, cli.json().get("jobs").size());
        }
    }
}
