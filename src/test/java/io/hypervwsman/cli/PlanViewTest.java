package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.plan.Group;
import io.hypervwsman.plan.JournalRecord;
import io.hypervwsman.plan.JournalRecord.Type;
import io.hypervwsman.plan.PlanAction;
import io.hypervwsman.plan.PlannedGroup;
import io.hypervwsman.plan.PlannedVm;
import io.hypervwsman.plan.VmEntry;
import io.hypervwsman.plan.VmOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 18: the live view of a plan run, rendered from given journal records at a given moment. */
class PlanViewTest {
    private static final Instant T0 = Instant.parse("2026-11-30T21:00:00Z");
    private final ByteArrayOutputStream shown = new ByteArrayOutputStream();

    private static PlannedVm vm(String group, String name, String id) {
        return new PlannedVm(group, "hv-b", id, name, PlanAction.REVERT, VmOptions.NONE);
    }

    private static PlannedGroup group(String name, PlannedVm... vms) {
        return new PlannedGroup(new Group(name, "hv-b", PlanAction.REVERT, null,
                List.of(VmEntry.of("*")), null, null), List.of(vms));
    }

    private static final PlannedVm SQL1 = vm("db", "sql-01", "A1");
    private static final PlannedVm SQL2 = vm("db", "sql-02", "A2");
    private static final PlannedVm WEB1 = vm("web", "web-01", "B1");
    private static final PlannedVm WEB2 = vm("web", "web-02", "B2");

    private PlanView view(PlanView.Mode mode) {
        return new PlanView(List.of(group("db", SQL1, SQL2), group("web", WEB1, WEB2)),
                new PrintStream(shown, true, StandardCharsets.UTF_8), mode, Clock.fixed(T0, ZoneOffset.UTC));
    }

    private static JournalRecord at(int seconds, Type type, String group, PlannedVm vm, String step, String detail,
                                    String outcome, String message) {
        return new JournalRecord(T0.plusSeconds(seconds), type, group, vm == null ? null : vm.key(), step, detail,
                outcome, message, null);
    }

    private static List<JournalRecord> dbUnderWay() {
        return List.of(at(0, Type.GROUP_STARTED, "db", null, null, null, null, null),
                at(0, Type.VM_STARTED, "db", SQL1, null, null, null, null),
                at(1, Type.VM_STARTED, "db", SQL2, null, null, null, null),
                at(1, Type.INVOKE_INTENT, "db", SQL1, "RevertReplica", null, null, null),
                at(2, Type.INVOKE_SENT, "db", SQL1, "RevertReplica", "Microsoft:JOB-1", null, null),
                at(5, Type.VM_FINISHED, "db", SQL2, null, null, "SUCCEEDED", "reverted"));
    }

    private String shown() {
        return shown.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aGroupUnderWayListsItsVmsWithStateAndElapsedTime() {
        PlanView v = view(PlanView.Mode.OFF);
        v.absorb(dbUnderWay());
        assertEquals("""
                db            running  (2 VMs: 1 running, 1 succeeded)
                  sql-01      hv-b  job Microsoft:JOB-1                       1:15
                  sql-02      hv-b  succeeded                                 0:04
                web           waiting  (2 VMs: 2 waiting)
                """, v.render(T0.plusSeconds(75)));
        assertEquals("", shown(), "OFF (--output json) shows nothing");
    }

    @Test
    void aFinishedGroupIsOneLineCountingItsVms() {
        PlanView v = view(PlanView.Mode.OFF);
        v.absorb(dbUnderWay());
        v.absorb(List.of(at(9, Type.VM_FINISHED, "db", SQL1, null, null, "FAILED", "job failed"),
                at(9, Type.GROUP_FINISHED, "db", null, null, null, "failed", null),
                at(10, Type.GROUP_STARTED, "web", null, null, null, null, null),
                at(10, Type.STEP_STARTED, "web", null, "web/pre[0]", "check heartbeat", null, null)));
        assertEquals("""
                db            failed  (2 VMs: 1 failed, 1 succeeded)
                web           check heartbeat ...  (2 VMs: 2 waiting)
                  web-01      hv-b  waiting
                  web-02      hv-b  waiting
                """, v.render(T0.plusSeconds(20)));
    }

    @Test
    void withoutATerminalEachChangeIsOneAppendedLine() {
        PlanView v = view(PlanView.Mode.LINES);
        dbUnderWay().forEach(v);
        assertEquals("""
                21:00:00 db: started
                21:00:00 db/sql-01: started
                21:00:01 db/sql-02: started
                21:00:01 db/sql-01: invoking RevertReplica
                21:00:02 db/sql-01: job Microsoft:JOB-1
                21:00:05 db/sql-02: succeeded: reverted
                """, shown());
    }

    @Test
    void aPhaseThatRepeatsWhatTheStateAlreadySaysAddsNoLine() {
        PlanView v = view(PlanView.Mode.LINES);
        List.of(at(0, Type.VM_STARTED, "db", SQL1, null, null, null, null),
                at(1, Type.INVOKE_SENT, "db", SQL1, "RevertReplica", "Microsoft:JOB-1", null, null),
                at(1, Type.PHASE, "db", SQL1, null, "job", null, null),
                at(3, Type.PHASE, "db", SQL1, null, "start", null, null)).forEach(v);
        assertEquals("""
                21:00:00 db/sql-01: started
                21:00:01 db/sql-01: job Microsoft:JOB-1
                21:00:03 db/sql-01: start
                """, shown());
    }

    @Test
    void onATerminalTheViewIsRedrawnInPlace() {
        PlanView v = view(PlanView.Mode.REDRAW);
        v.accept(at(0, Type.GROUP_STARTED, "db", null, null, null, null, null));
        String first = shown();
        assertTrue(first.startsWith("\033[2Kdb "), first);
        assertEquals(4, first.split("\n", -1).length - 1, "group db with its 2 VMs, and web: 4 lines");
        shown.reset();
        v.accept(at(1, Type.VM_STARTED, "db", SQL1, null, null, null, null));
        String second = shown();
        assertTrue(second.startsWith("\033[4F\033[2Kdb "), "cursor back up over the 4 lines drawn: " + second);
        assertTrue(second.contains("sql-01      hv-b  started"), second);
        assertTrue(second.endsWith("\033[J"), second);
    }

    @Test
    void aResumeTakesInEarlierRecordsWithoutShowingThemAsNews() {
        PlanView v = view(PlanView.Mode.LINES);
        v.absorb(dbUnderWay());
        assertEquals("", shown());
        v.accept(at(30, Type.VM_FINISHED, "db", SQL1, null, null, "SUCCEEDED", null));
        assertEquals("21:00:30 db/sql-01: succeeded\n", shown());
    }

    @Test
    void nothingIsDrawnWhileTheOperatorAnswersAndTheViewStartsAfreshBelow() throws Exception {
        PlanView v = view(PlanView.Mode.REDRAW);
        v.accept(at(0, Type.GROUP_STARTED, "db", null, null, null, null, null));
        shown.reset();
        boolean answer = v.holdingStillFor((group, instruction) -> {
            v.accept(at(1, Type.STEP_STARTED, "db", null, "db/pre[0]", "manual", null, null));
            assertEquals("", shown(), "no redraw over the question");
            return true;
        }).confirm("db", "Is the VLAN isolated?");
        assertTrue(answer);
        v.accept(at(2, Type.STEP_FINISHED, "db", null, "db/pre[0]", "manual", "ok", "confirmed"));
        assertTrue(shown().startsWith("\033[2Kdb "), "drawn below the answer, not over it: " + shown());
    }
}
