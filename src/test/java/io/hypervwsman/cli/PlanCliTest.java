package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypervwsman.hyperv.SimulatedHostFixture;
import io.hypervwsman.plan.Journal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plan check} and {@code plan run} through the CLI against a simulated replica host. */
class PlanCliTest {
    static final List<String> SITE = List.of("db-01", "db-02", "app-01", "app-02", "app-03", "web-01");

    @TempDir
    Path dir;

    static String plan(SimulatedHostFixture f, String action, String... extraVms) {
        StringBuilder extra = new StringBuilder();
        for (String vm : extraVms) {
            extra.append(", \"").append(vm).append('"');
        }
        return """
                name: site-drill
                rpo: 15m
                hosts:
                  dr: { endpoint: "%s", user: 'LAB\\operator', auth: ntlm }
                concurrency: { plan: 3, perHost: 2 }
                groups:
                  - name: databases
                    host: dr
                    action: %s
                    vms: ["db-*"]
                  - name: applications
                    host: dr
                    action: %s
                    vms: ["app-*", "web-01"%s]
                """.formatted(f.sim.endpoint(), action, action, extra);
    }

    /** A replica host holding the site's VMs, replicated 5 minutes ago, plus a stale one and a Critical one. */
    static SimulatedHostFixture site() {
        return new SimulatedHostFixture(SimulatedHostFixture.testScenario("plan-site.json").toString());
    }

    Path write(String text) throws Exception {
        return Files.writeString(dir.resolve("drill.yaml"), text);
    }

    @Test
    void checkListsEveryVmInOrderWithItsRecoveryPointAndInvokesNothing() throws Exception {
        try (SimulatedHostFixture f = site()) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            Path plan = write(plan(f, "unplanned-failover"));
            assertEquals(0, cli.runExactly(PlanCliArgs.with(cli, "plan", "check", plan.toString(), "--output", "json")),
                    cli.err());
            JsonNode j = cli.json();
            assertEquals("ok", j.get("outcome").asText());
            List<String> order = new ArrayList<>();
            j.get("checks").forEach(c -> order.add(c.get("vm").asText()));
            assertEquals(SITE, order);
            j.get("checks").forEach(c -> assertEquals("latest (last replication 2026-11-24T02:55:00Z)",
                    c.get("recoveryPoint").asText()));
            assertEquals(0, f.sim.invocations("InitiateFailover"));
            assertFalse(Files.exists(Journal.besidePlan(plan)), "check writes no journal");
        }
    }

    @Test
    void runFailsOverEveryVmOnceJournalsItAndWritesTheDrillReport() throws Exception {
        try (SimulatedHostFixture f = site()) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            Path plan = write(plan(f, "unplanned-failover"));
            assertEquals(0, cli.runExactly(PlanCliArgs.with(cli, "plan", "run", plan.toString(), "--output", "json")),
                    cli.err());
            JsonNode j = cli.json();
            assertEquals("succeeded", j.get("outcome").asText());
            assertEquals(SITE.size(), j.get("vms").size());
            assertEquals(SITE.size(), f.sim.invocations("InitiateFailover"));
            assertEquals(SITE.size(), f.sim.invocations("RequestStateChange"), "each VM started once");
            SITE.forEach(vm -> assertEquals(5, f.sim.replicationState(vm), vm + " is Recovered"));
            SITE.forEach(vm -> assertEquals(2, f.sim.enabledState(vm), vm + " is running"));
            Path report = Path.of(j.get("report").asText());
            String html = Files.readString(report);
            SITE.forEach(vm -> assertTrue(html.contains(vm), vm + " in the report"));
            assertEquals(0, cli.runExactly(PlanCliArgs.with(cli, "plan", "status", plan.toString())), cli.err());
            assertTrue(cli.out().contains("finished"), cli.out());
        }
    }

    @Test
    void statusNamesEachVmWithItsHostAndKeepsItsGuidInJson() throws Exception {
        try (SimulatedHostFixture f = site()) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            Path plan = write(plan(f, "test-failover"));
            assertEquals(0, cli.runExactly(PlanCliArgs.with(cli, "plan", "run", plan.toString())), cli.err());

            assertEquals(0, cli.runExactly("plan", "status", plan.toString()), cli.err());
            String text = cli.out();
            assertTrue(text.matches("(?s).*databases +db-01 +dr +succeeded\\n.*"), text);
            assertFalse(text.contains("5A1E0000-0000-4000-8000-000000000001"), "no GUID keys in the table: " + text);

            assertEquals(0, cli.runExactly("plan", "status", plan.toString(), "--output", "json"), cli.err());
            JsonNode j = cli.json();
            assertEquals(SITE.size(), j.get("vms").size());
            JsonNode first = null;
            for (JsonNode v : j.get("vms")) {
                first = v.get("vm").asText().equals("db-01") ? v : first;
            }
            assertTrue(first != null, j::toString);
            assertEquals("databases", first.get("group").asText());
            assertEquals("dr", first.get("host").asText());
            assertEquals("5A1E0000-0000-4000-8000-000000000001", first.get("id").asText());
            assertEquals("succeeded", first.get("state").asText());
        }
    }

    @Test
    void aPlanFailingItsPreChecksInvokesNothingAnywhere() throws Exception {
        try (SimulatedHostFixture f = site()) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            Path plan = write(plan(f, "unplanned-failover", "stale-01", "sick-01"));
            assertEquals(1, cli.runExactly(PlanCliArgs.with(cli, "plan", "run", plan.toString(), "--output", "json")),
                    cli.err());
            JsonNode j = cli.json();
            assertEquals("refused", j.get("outcome").asText());
            String problems = j.get("checks").toString();
            assertTrue(problems.contains("older than the plan's RPO of 15m"), problems);
            assertTrue(problems.contains("replication health is Critical"), problems);
            assertEquals(0, f.sim.invocations("InitiateFailover"), "not even the VMs that passed");
            assertFalse(Files.exists(Journal.besidePlan(plan)));
        }
    }

    @Test
    void checkRefusesAVmNotInTheStateItsActionNeeds() throws Exception {
        try (SimulatedHostFixture f = site()) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            Path plan = write(plan(f, "commit"));
            assertEquals(1, cli.runExactly(PlanCliArgs.with(cli, "plan", "check", plan.toString())), cli.err());
            assertTrue(cli.out().contains("REFUSED"), cli.out());
            assertTrue(cli.out().contains("refused: the plan would not run; nothing was invoked"), cli.out());
            assertEquals(0, f.sim.invocations("CommitFailover"));
        }
    }

    @Test
    void aPlanHostMayBeAHostProfileOfTheConfigFile() throws Exception {
        try (SimulatedHostFixture f = site()) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            Path pw = Files.writeString(dir.resolve("profile-password"), SimulatedHostFixture.PASSWORD + "\n");
            Files.setPosixFilePermissions(pw, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            Path config = Files.createDirectories(dir.resolve("xdg/hyperv-wsman")).resolve("config.yaml");
            Files.writeString(config, """
                    hosts:
                      dr-lab:
                        endpoint: "%s"
                        auth: ntlm
                        user: 'LAB\\operator'
                        password-file: "%s"
                    """.formatted(f.sim.endpoint(), pw));
            String text = plan(f, "test-failover").replaceFirst("dr: \\{[^}]*}", "dr: { profile: dr-lab }");
            assertTrue(text.contains("profile: dr-lab"), text);
            Path plan = write(text);
            assertEquals(0, cli.runWithEnvironment(Map.of("XDG_CONFIG_HOME", dir.resolve("xdg").toString()),
                    "plan", "run", plan.toString()), cli.err() + cli.out());
            assertEquals(SITE.size(), f.sim.invocations("TestReplicaSystem"));
            assertTrue(cli.out().contains("succeeded: drill report "), cli.out());
        }
    }

    @Test
    void resumeWithoutAJournalIsAUsageError() throws Exception {
        try (SimulatedHostFixture f = site()) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            Path plan = write(plan(f, "unplanned-failover"));
            assertEquals(2, cli.runExactly(PlanCliArgs.with(cli, "plan", "resume", plan.toString())));
            assertTrue(cli.err().startsWith("error: no journal at"), cli.err());
        }
    }
}
