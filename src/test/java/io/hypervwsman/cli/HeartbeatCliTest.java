package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypervwsman.hyperv.SimulatedHostFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: the guest heartbeat (Msvm_HeartbeatComponent) as start-vm --wait-for-heartbeat, the plan option
 * waitForHeartbeat and the plan step "check: heartbeat" use it, against simulated hosts whose started guests answer
 * 15 simulated seconds after the start.
 */
class HeartbeatCliTest {
    @TempDir
    Path dir;

    @Test
    void startVmWaitsForTheHeartbeat() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("power.json")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            assertEquals(0, cli.run("start-vm", "--vm", "off-01", "--wait-for-heartbeat", "2m"), cli::err);
            List<String> lines = cli.out().lines().toList();
            assertTrue(lines.get(lines.size() - 1).matches("heartbeat OK \\(applications: OK\\) after \\d+ s"),
                    cli.out());

            assertEquals(0, cli.run("start-vm", "--vm", "saved-01", "--wait-for-heartbeat", "2m", "--output", "json"),
                    cli::err);
            JsonNode hb = cli.json().get("heartbeat");
            assertTrue(hb.get("ok").asBoolean(), hb::toString);
            assertEquals("[2,2]", hb.get("operationalStatus").toString());
        }
    }

    @Test
    void aGuestThatDoesNotAnswerInTimeFailsTheStart() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("power.json")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            assertEquals(1, cli.run("start-vm", "--vm", "off-01", "--wait-for-heartbeat", "5s"), cli::err);
            assertTrue(cli.out().contains("failed: no OK heartbeat within 5 s (last: No Contact)"), cli.out());
            assertEquals(2, f.sim.enabledState("off-01"), "the VM was started all the same");
        }
    }

    @Test
    void severalVmsEachWaitForTheirHeartbeat() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("power.json")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            assertEquals(0, cli.run("start-vm", "--vm", "off-01", "--vm", "saved-01", "--wait-for-heartbeat", "2m",
                    "--output", "json"), cli::err);
            cli.json().get("vms").forEach(v -> assertTrue(v.get("heartbeat").get("ok").asBoolean(), v::toString));
        }
    }

    private static String plan(SimulatedHostFixture f, String wait, String checkTimeout) {
        return """
                name: heartbeat-drill
                hosts:
                  dr: { endpoint: "%s", user: 'LAB\\operator', auth: ntlm }
                groups:
                  - name: databases
                    host: dr
                    action: unplanned-failover
                    options: { start: true%s }
                    vms: ["db-*"]
                    post:
                      - check: heartbeat
                        timeout: %s
                """.formatted(f.sim.endpoint(), wait == null ? "" : ", waitForHeartbeat: " + wait, checkTimeout);
    }

    @Test
    void aPlanWaitsForEachStartedVmsHeartbeatAndChecksItAfterwards() throws Exception {
        try (SimulatedHostFixture f = PlanCliTest.site()) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            Path plan = Files.writeString(dir.resolve("hb.yaml"), plan(f, "2m", "1m"));
            assertEquals(0, cli.runExactly(PlanCliArgs.with(cli, "plan", "run", plan.toString(), "--output", "json")),
                    cli.err());
            JsonNode j = cli.json();
            assertEquals("succeeded", j.get("outcome").asText(), j::toString);
            j.get("vms").forEach(v -> assertTrue(v.get("message").asText().contains("heartbeat OK"), v::toString));
            assertTrue(Files.readString(Path.of(j.get("journal").asText())).contains("\"detail\":\"heartbeat\""),
                    "the heartbeat is a phase of each VM's timeline");
        }
    }

    @Test
    void aHeartbeatCheckFailsWhenAGuestHasNotAnsweredByItsTimeout() throws Exception {
        try (SimulatedHostFixture f = PlanCliTest.site()) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            Path plan = Files.writeString(dir.resolve("hb.yaml"), plan(f, null, "5s"));
            assertEquals(1, cli.runExactly(PlanCliArgs.with(cli, "plan", "run", plan.toString(), "--output", "json")),
                    cli.err());
            JsonNode j = cli.json();
            String failures = j.get("stepFailures").toString();
            assertTrue(failures.contains("check heartbeat"), failures);
            assertTrue(failures.contains("no OK heartbeat within 5 s (last: No Contact)"), failures);
            assertFalse(failures.contains("not available"), failures);
        }
    }
}
