package io.hypervwsman.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command step whose start is journalled but not its end may have run (it could be "switch DNS"): a resume
 * asks the operator before running it again, and a "no" counts it as done.
 */
class PlanResumeOfACommandStepTest {
    @TempDir
    Path dir;

    private PlanFixture fixture(Path marker) throws InterruptedException {
        return new PlanFixture("""
                name: cmd
                hosts: {h: {profile: h}}
                groups:
                  - name: dns
                    host: h
                    action: planned-failover
                    pre: [{run: [sh, -c, 'echo ran >> "$0"', %s]}]
                    vms: [a]
                """.formatted(marker), List.of("a"));
    }

    private Path journalKilledInsideTheStep(Path marker) throws Exception {
        Path full = dir.resolve("full");
        fixture(marker).execute(full);
        List<String> lines = Files.readAllLines(full);
        int started = 0;
        while (!lines.get(started).contains("\"STEP_STARTED\"")) {
            started++;
        }
        Path killed = dir.resolve("killed");
        Files.write(killed, lines.subList(0, started + 1));
        Files.delete(marker);
        return killed;
    }

    @Test
    void declinedRerunCountsTheStepAsDoneAndTheVmRuns() throws Exception {
        Path marker = dir.resolve("marker");
        Path journal = journalKilledInsideTheStep(marker);
        PlanFixture f = fixture(marker);
        f.confirm = false;
        PlanResult r = f.resume(journal);
        assertTrue(r.succeeded(), r.toString());
        assertEquals(1, f.confirmations.size());
        assertTrue(f.confirmations.get(0).contains("may have run before the interruption"), f.confirmations.get(0));
        assertFalse(Files.exists(marker), "the command ran again");
        assertEquals(List.of("manual:dns", "vm:a"), f.action.events, "asked first, then the VM ran");
    }

    @Test
    void confirmedRerunRunsTheCommandOnce() throws Exception {
        Path marker = dir.resolve("marker");
        Path journal = journalKilledInsideTheStep(marker);
        PlanFixture f = fixture(marker);
        assertTrue(f.resume(journal).succeeded());
        assertEquals(List.of("ran"), Files.readAllLines(marker));
    }
}
