package io.hypervwsman.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The training run behind the start-up archive and the JDK 25 AOT cache (pom.xml, package phase): the commands
 * operators run most, each against its own embedded simulated host, in ONE JVM, so that the archive holds the classes
 * (and the AOT cache the profiles) of all of them, not only of {@code vms}. Fails (exit 1, the command named) when a
 * command does not end as it does for an operator, so that a broken training run never ships a thin archive.
 */
final class StartupTraining {
    /**
     * A command and the exit code it has on the embedded host: job wait's job is unknown there (undecided), and
     * replication check finds web-frontend-01 failed over (a WARNING is exit 1, as documented for the check).
     */
    private record Step(int exitCode, String... args) {
    }

    private static final List<Step> STEPS = List.of(
            new Step(ExitCodes.SUCCEEDED, "vms", "--simulate"),
            new Step(ExitCodes.SUCCEEDED, "replication", "status", "--simulate", "--vm", "web-frontend-01"),
            new Step(ExitCodes.SUCCEEDED, "revert-failover", "--simulate", "--vm", "web-frontend-01", "--dry-run"),
            new Step(ExitCodes.SUCCEEDED, "revert-failover", "--simulate", "--vm", "web-frontend-01"),
            new Step(ExitCodes.UNDECIDED, "job", "wait", "--simulate", "--job", "Microsoft:unknown"),
            new Step(ExitCodes.FAILED, "replication", "check", "--simulate", "--vm", "web-frontend-01"),
            new Step(ExitCodes.FAILED, "replication", "check", "--simulate", "--output", "json"));

    private StartupTraining() {
    }

    public static void main(String[] args) {
        Main.configureLogging(false);
        System.setProperty("sun.net.httpserver.nodelay", "true");
        ClientWarmUp.run();
        for (Step step : STEPS) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
            Terminal t = Terminal.system();
            int code = Main.run(step.args(), new Terminal(discard, new PrintStream(err, true, StandardCharsets.UTF_8),
                    null, t.env(), t.clock(), t.sleeper()));
            if (code != step.exitCode()) {
                System.err.println("start-up training: " + String.join(" ", step.args()) + " exited " + code
                        + ", expected " + step.exitCode() + ": " + err.toString(StandardCharsets.UTF_8).strip());
                System.exit(ExitCodes.FAILED);
            }
        }
    }
}
