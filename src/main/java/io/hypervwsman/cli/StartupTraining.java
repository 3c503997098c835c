package io.hypervwsman.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The training run behind the start-up archive and the JDK 25 AOT cache (pom.xml, package phase): the commands
 * operators run most, each against its own embedded simulated host, in ONE JVM, so that the archive holds the classes
 * (and the AOT cache the profiles) of all of them, not only of {@code vms}. Fails (exit 1, the command named) when a
 * command does not end as it does for an operator, so that a broken training run never ships a thin archive. The
 * last steps reach a host as operators do ({@code --host}, NTLM, the password from the environment), here a simulated
 * one on loopback: {@code --simulate} alone never loads what reads the password or the connection options.
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

    /** Commands run with --host (the embedded host's endpoint), --auth ntlm and the password in the environment. */
    private static final List<Step> HOST_STEPS = List.of(
            new Step(ExitCodes.SUCCEEDED, "vms"),
            new Step(ExitCodes.SUCCEEDED, "replication", "status", "--vm", "web-frontend-01"),
            new Step(ExitCodes.SUCCEEDED, "revert-failover", "--vm", "web-frontend-01", "--dry-run"));

    private StartupTraining() {
    }

    public static void main(String[] args) {
        Main.configureLogging(false);
        System.setProperty("sun.net.httpserver.nodelay", "true");
        ClientWarmUp.run();
        Terminal t = Terminal.system();
        for (Step step : STEPS) {
            run(step.exitCode(), step.args(), t.env());
        }
        try (EmbeddedSimulator host = EmbeddedSimulator.start(null)) {
            Map<String, String> env = new HashMap<>(t.env());
            env.put(PasswordSource.ENV, new String(host.password()));
            for (Step step : HOST_STEPS) {
                List<String> hostArgs = new ArrayList<>(List.of(step.args()));
                hostArgs.addAll(List.of("--host", host.endpoint().toString(), "--auth", "ntlm", "--user", host.user()));
                run(step.exitCode(), hostArgs.toArray(String[]::new), env);
            }
        }
    }

    private static void run(int expected, String[] args, Map<String, String> env) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        Terminal t = Terminal.system();
        int code = Main.run(args, new Terminal(discard, new PrintStream(err, true, StandardCharsets.UTF_8), null, env,
                t.clock(), t.sleeper()));
        if (code != expected) {
            System.err.println("start-up training: " + String.join(" ", args) + " exited " + code + ", expected "
                    + expected + ": " + err.toString(StandardCharsets.UTF_8).strip());
            System.exit(ExitCodes.FAILED);
        }
    }
}
