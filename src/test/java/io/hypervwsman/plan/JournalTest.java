package io.hypervwsman.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal file: one JSON line per record, a torn last line dropped, one run at a time. */
class JournalTest {
    @TempDir
    Path dir;

    @Test
    void aTornLastLineIsDroppedAndAppendingGoesOnAfterTheLastCompleteRecord() throws Exception {
        Path p = dir.resolve("plan.yaml.journal");
        try (Journal j = Journal.open(p)) {
            j.append(JournalRecord.of(Instant.parse("2026-11-30T17:00:00Z"), JournalRecord.Type.GROUP_STARTED, "db"));
        }
        Files.writeString(p, Files.readString(p) + "{\"at\":\"2026-11-30T17:00:01Z\",\"ty");
        try (Journal j = Journal.open(p)) {
            assertEquals(1, j.records().size());
            j.append(JournalRecord.of(Instant.parse("2026-11-30T17:00:02Z"), JournalRecord.Type.GROUP_FINISHED, "db"));
        }
        assertEquals(2, Files.readAllLines(p).size());
        assertEquals(JournalRecord.Type.GROUP_FINISHED, Journal.read(p).get(1).type());
        assertEquals(Instant.parse("2026-11-30T17:00:02Z"), Journal.read(p).get(1).at());
    }

    @Test
    void aJournalInUseCannotBeOpenedBySecondRun() {
        Path p = dir.resolve("busy.journal");
        try (Journal first = Journal.open(p)) {
            PlanException e = assertThrows(PlanException.class, () -> Journal.open(p));
            assertTrue(e.getMessage().contains("in use by another run"), e.getMessage());
        }
    }

    @Test
    void theJournalSitsBesideThePlan() {
        assertEquals(Path.of("/srv/dr/drill.yaml.journal"), Journal.besidePlan(Path.of("/srv/dr/drill.yaml")));
    }
}
