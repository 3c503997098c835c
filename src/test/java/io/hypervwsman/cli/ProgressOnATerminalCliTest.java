package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.hyperv.SimulatedHostFixture;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 item 11: on a terminal the progress line says which VM, which step, how long so far and which job; a
 * failed job is not drawn as a full bar.
 */
class ProgressOnATerminalCliTest {
    /** "web-frontend-01 - reverting the failover - 0:05 - job ID [####...] 100% Completed". */
    static final Pattern LINE = Pattern.compile("\rweb-frontend-01 - reverting the failover - \\d+:\\d\\d - job \\S+ \\[");
    @TempDir
    Path dir;

    private static SimulatedCli onATerminal(SimulatedHostFixture f, Path dir) {
        SimulatedCli cli = new SimulatedCli(f, dir);
        cli.reader = prompt -> {
            throw new AssertionError("nothing to confirm: " + prompt);
        };
        return cli;
    }

    @Test
    void theLineNamesVmStepElapsedTimeAndJob() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = onATerminal(f, dir);
            assertEquals(0, cli.run("revert-failover", "--vm", "web-frontend-01"));
            String err = cli.err();
            assertTrue(LINE.matcher(err).find(), err);
            assertTrue(err.contains("[####################] 100% Completed"), err);
            String last = err.substring(err.lastIndexOf('\r'));
            assertFalse(last.contains(" - 0:00 - "), "time passed while the job ran: " + last);
        }
    }

    @Test
    void turningOffIsAStepOfItsOwn() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = onATerminal(f, dir);
            assertEquals(0, cli.run("revert-failover", "--vm", "build-agent-01", "--turn-off"));
            String err = cli.err();
            int off = err.indexOf("build-agent-01 - turning off - ");
            int revert = err.indexOf("build-agent-01 - reverting the failover - ");
            assertTrue(off >= 0 && revert > off, err);
        }
    }

    @Test
    void aFailedJobIsNotAFullBar() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("revert-job-fails")) {
            SimulatedCli cli = onATerminal(f, dir);
            assertEquals(1, cli.run("revert-failover", "--vm", "web-frontend-01"));
            String err = cli.err();
            assertFalse(err.contains("[####################]"), err);
            assertTrue(err.contains("!") && err.contains("] FAILED at "), err);
        }
    }
}
