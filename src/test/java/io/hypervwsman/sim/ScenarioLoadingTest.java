package io.hypervwsman.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenario files: the shipped ones, files on disk, and refusal of malformed ones. */
class ScenarioLoadingTest {

    @Test
    void theDefaultScenarioHoldsTheDocumentedInventory() {
        Scenario s = Scenario.fromResource("default");
        assertEquals("HV01", s.host());
        assertEquals(9, s.vms().size());
        assertEquals(2, s.vms().stream().filter(v -> v.name().equals("file-server")).count());
        assertEquals(Scenario.Power.RUNNING, s.vm("build-agent-01").power());
        assertEquals(4, s.vm("app-extended-01").replicationMode());
        assertEquals(6, s.vm("reporting-01").relationships().get(0).state());
        assertEquals("web-frontend-02", s.vm("web-frontend-02 - Test").testReplicaOf());
        assertTrue(s.users().contains("LAB\\operator"));
        for (String other : new String[] {"revert-job-fails", "wrong-state-sync", "wrong-state-job", "quota-on-invoke"}) {
            assertTrue(Scenario.fromResource(other).vms().size() >= 1, other);
        }
    }

    @Test
    void aFileOnDiskLoadsWithDefaults(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mine.json");
        Files.writeString(file, "{\"host\":\"HVX\",\"vms\":[{\"name\":\"a\",\"id\":\"0A0A0A0A-0000-4000-8000-000000000001\","
                + "\"replicationMode\":2,\"relationships\":[{\"state\":5}],"
                + "\"behaviours\":{\"RevertFailover\":{\"jobDuration\":\"PT30S\",\"outcome\":\"warning\"}}}]}");
        Scenario s = Scenario.load(file);
        assertEquals("HVX", s.host());
        assertEquals(Scenario.Power.OFF, s.vm("a").power());
        assertEquals(Duration.ofSeconds(30), s.vm("a").behaviours().get("RevertFailover").duration());
        assertEquals(Scenario.WrongStatePath.SYNC, s.vm("a").behaviours().get("RevertFailover").wrongState());

        SoapExchange host = new SoapExchange(s);
        String job = SoapExchange.jobId(host.ok(SoapExchange.serviceMethod("HVX", "RevertFailover",
                "0A0A0A0A-0000-4000-8000-000000000001")));
        host.clock.advance(Duration.ofSeconds(30));
        assertEquals("32768", host.ok(SoapExchange.getJob(job)).text("JobState"), "CompletedWithWarnings");
    }

    @Test
    void malformedScenariosAreConfigurationErrors(@TempDir Path dir) throws IOException {
        for (String bad : new String[] {"{\"hots\":\"HV01\"}", "{\"enumerationExpiry\":\"5 minutes\"}",
                "{\"users\":[\"operator\"]}", "{\"vms\":[{\"name\":\"a\"}]}"}) {
            Path file = dir.resolve("bad.json");
            Files.writeString(file, bad);
            assertThrows(RuntimeException.class, () -> Scenario.load(file), bad);
        }
        assertThrows(ConfigurationException.class, () -> Scenario.fromResource("no-such-scenario"));
    }

    @Test
    void theManualClockMovesOnlyWhenAdvanced() {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), clock.instant());
        clock.advance(Duration.ofMinutes(5));
        assertEquals(Instant.parse("2026-01-01T00:05:00Z"), clock.withZone(java.time.ZoneId.of("Europe/Paris")).instant());
    }
}
