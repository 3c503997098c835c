package io.hypervwsman.cli;

import io.hypervwsman.hyperv.JobProgressListener;
import io.hypervwsman.hyperv.JobReport;
import io.hypervwsman.hyperv.JobState;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Shows a followed job on stderr (stdout carries only the result): on a terminal one redrawn line naming the VM,
 * the step, the elapsed time, the job and a bar; otherwise one line per change of state or percentage. A failed
 * job keeps the bar where the job stood while it ran (hosts report 100% on failure too) and says FAILED.
 */
final class ProgressDisplay implements JobProgressListener {
    private static final int WIDTH = 20;
    /** The step a command is in, as a person says it. */
    private static final Map<String, String> DOING = Map.ofEntries(Map.entry("initiate-failover", "failing over"),
            Map.entry("revert-failover", "reverting the failover"),
            Map.entry("commit-failover", "committing the failover"),
            Map.entry("test-failover", "starting a test failover"),
            Map.entry("stop-test-failover", "ending the test failover"),
            Map.entry("prepare-planned-failover", "preparing a planned failover"),
            Map.entry("reverse-replication", "reversing replication"), Map.entry("resynchronize", "resynchronizing"),
            Map.entry("start-vm", "starting"), Map.entry("stop-vm", "shutting down"),
            Map.entry("enable-replication", "enabling replication"),
            Map.entry("start-initial-replication", "starting initial replication"),
            Map.entry("remove-replication", "removing replication"), Map.entry("job wait", "waiting for the job"));
    private final PrintStream err;
    private final boolean terminal;
    private final Clock clock;
    private final Instant start;
    private final String vm;
    private String step = "starting";
    private long runningPct;
    private String lastLine;

    /** @param vm the VM the command acts on, or null (a job wait) */
    ProgressDisplay(PrintStream err, boolean terminal, Clock clock, String vm) {
        this.err = err;
        this.terminal = terminal;
        this.clock = clock;
        this.start = clock.instant();
        this.vm = vm;
    }

    @Override
    public void step(String what) {
        step = DOING.getOrDefault(what, what);
        runningPct = 0;
    }

    @Override
    public void waiting(String message) {
        if (terminal && lastLine != null && lastLine.startsWith("\r")) {
            err.println();
        }
        err.println(message);
        err.flush();
        lastLine = message;
    }

    @Override
    public void update(JobReport r) {
        long pct = r.percentComplete() == null ? 0 : Math.max(0, Math.min(100, r.percentComplete()));
        boolean failed = JobState.isFailure(r.jobState()) || JobState.isSuccess(r.jobState()) && r.errorCode() != 0;
        if (!failed) {
            runningPct = pct;
        }
        if (terminal) {
            int filled = (int) (runningPct * WIDTH / 100);
            String line = "\r" + (vm == null ? "" : vm + " - ") + step + " - " + elapsed() + " - job " + r.instanceId()
                    + " [" + "#".repeat(filled) + (failed ? "!" : "") + " ".repeat(WIDTH - filled - (failed ? 1 : 0))
                    + "] " + (failed ? "FAILED at " + runningPct + "%: " : String.format(Locale.ROOT, "%3d%% ", pct))
                    + r.state() + "   ";
            err.print(line);
            if (!JobState.isRunning(r.jobState())) {
                err.println();
            }
            lastLine = line;
            err.flush();
            return;
        }
        String line = "job " + r.instanceId() + ": " + r.state() + " " + pct + "%";
        if (!line.equals(lastLine)) {
            err.println(line);
            lastLine = line;
        }
    }

    private String elapsed() {
        long s = Duration.between(start, clock.instant()).toSeconds();
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
