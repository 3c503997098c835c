package io.hypervwsman.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan killed at every point of its journal resumes without sending any Invoke twice and leaves no VM
 * undecided. The kill is simulated by keeping the first k records of a complete run's journal (and, in turn,
 * half of the next record as a torn write); the pretend host has received every Invoke whose answer is in
 * those records, and the Invoke in flight either reached it or not.
 */
class PlanResumeAfterKillTest {
    private static final String PLAN = """
            name: resume
            hosts: {h1: {profile: h1}, h2: {profile: h2}}
            concurrency: {plan: 2, perHost: 1}
            groups:
              - name: db
                host: h1
                action: planned-failover
                pre: [{manual: "maintenance window open"}]
                vms: [db-1, {vm: db-2, host: h2}]
                post: [{check: heartbeat}, {manual: "users can log in"}]
              - name: web
                host: h2
                action: planned-failover
                vms: [web-1]
            """;
    private static final List<String> VMS = List.of("db-1", "db-2", "web-1");

    @TempDir
    Path dir;

    @Test
    void resumeAfterAKillAtEveryRecordInvokesEachStepExactlyOnce() throws Exception {
        PlanFixture complete = new PlanFixture(PLAN, VMS);
        Path full = dir.resolve("full.journal");
        assertTrue(complete.execute(full).succeeded());
        List<String> lines = Files.readAllLines(full);
        List<JournalRecord> records = Journal.read(full);
        assertEquals(lines.size(), records.size());

        int resumes = 0;
        for (int k = 0; k <= lines.size(); k++) {
            for (boolean inFlightArrived : new boolean[] {false, true}) {
                for (boolean torn : new boolean[] {false, true}) {
                    if (torn && (k == lines.size() || inFlightArrived)) {
                        continue;
                    }
                    resumeAfterKill(lines, records, k, inFlightArrived, torn);
                    resumes++;
                }
            }
        }
        assertEquals(3 * lines.size() + 2, resumes);
    }

    private void resumeAfterKill(List<String> lines, List<JournalRecord> records, int k, boolean inFlightArrived,
                                 boolean torn) throws Exception {
        String what = "kill after record " + k + "/" + lines.size() + (inFlightArrived ? ", in-flight Invoke arrived" : "")
                + (torn ? ", torn next record" : "");
        Path journal = dir.resolve("kill-" + k + "-" + inFlightArrived + "-" + torn + ".journal");
        StringBuilder text = new StringBuilder();
        lines.subList(0, k).forEach(l -> text.append(l).append('\n'));
        if (torn) {
            text.append(lines.get(k), 0, lines.get(k).length() / 2);
        }
        Files.writeString(journal, text);

        PlanFixture f = new PlanFixture(PLAN, VMS);
        Set<String> answered = new HashSet<>();
        List<JournalRecord> intents = new ArrayList<>();
        for (JournalRecord r : records.subList(0, k)) {
            if (r.type() == JournalRecord.Type.INVOKE_SENT) {
                answered.add(r.vm() + " " + r.step());
                f.action.alreadyReceived(r.vm(), r.step());
            } else if (r.type() == JournalRecord.Type.INVOKE_INTENT) {
                intents.add(r);
            }
        }
        for (JournalRecord r : intents) {
            if (!answered.contains(r.vm() + " " + r.step()) && inFlightArrived) {
                f.action.alreadyReceived(r.vm(), r.step());
            }
        }

        PlanResult result = f.resume(journal);

        for (PlannedGroup g : f.groups) {
            for (PlannedVm vm : g.vms()) {
                assertEquals(VmOutcome.SUCCEEDED, result.vms().get(vm.key()).outcome(), what + ": " + vm.name());
                for (String method : FakeVmAction.METHODS) {
                    assertEquals(1, f.action.receivedCount(vm.key(), method), what + ": " + vm.name() + " " + method);
                }
            }
        }
        List<JournalRecord> after = Journal.read(journal);
        assertEquals(JournalRecord.Type.RUN_FINISHED, after.get(after.size() - 1).type(), what);
    }

    @Test
    void aPlanEditedSinceTheRunStartedIsNotResumed() throws Exception {
        PlanFixture first = new PlanFixture(PLAN, VMS);
        Path journal = dir.resolve("edited.journal");
        first.execute(journal);
        PlanFixture edited = new PlanFixture(PLAN.replace("maintenance window open", "window open"), VMS);
        PlanException e = assertThrows(PlanException.class, () -> edited.resume(journal));
        assertTrue(e.getMessage().contains("changed since the run"), e.getMessage());
    }

    @Test
    void aJournalThatHoldsARunIsNotStartedAgain() throws Exception {
        PlanFixture f = new PlanFixture(PLAN, VMS);
        Path journal = dir.resolve("twice.journal");
        f.execute(journal);
        assertThrows(PlanException.class, () -> new PlanFixture(PLAN, VMS).execute(journal));
    }
}
