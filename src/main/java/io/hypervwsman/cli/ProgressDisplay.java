package io.hypervwsman.cli;

import io.hypervwsman.hyperv.JobProgressListener;
import io.hypervwsman.hyperv.JobReport;
import java.io.PrintStream;

/**
 * Shows a followed job: a redrawn progress bar on a terminal, otherwise one line per change of state or
 * percentage. Writes to stderr so stdout carries only the result.
 */
final class ProgressDisplay implements JobProgressListener {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private final boolean terminal;
    private String lastLine;

    ProgressDisplay(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void waiting(String message) {
        if (terminal && lastLine == null) {
            err.println();
        }
        err.println(message);
        err.flush();
        lastLine = message;
    }

    @Override
    public void update(JobReport r) {
        long pct = r.percentComplete() == null ? 0 : Math.max(0, Math.min(100, r.percentComplete()));
        if (terminal) {
            int filled = (int) (pct * WIDTH / 100);
            err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + String.format("%3d%%", pct)
                    + " " + r.state() + "   ");
            if (!"Running".equals(r.state()) && !"Starting".equals(r.state()) && !"New".equals(r.state())) {
                err.println();
            }
            err.flush();
            return;
        }
        String line = "job " + r.instanceId() + ": " + r.state() + " " + pct + "%";
        if (!line.equals(lastLine)) {
            err.println(line);
            lastLine = line;
        }
    }
}
