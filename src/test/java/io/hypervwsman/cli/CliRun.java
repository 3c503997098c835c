package io.hypervwsman.cli;

import io.hypervwsman.sim.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One run of the CLI against an endpoint over NTLM, with the password in a file and time on a manual clock that
 * the CLI's waits advance: the same run twice gives the same requests in the same order.
 */
record CliRun(int exitCode, String out, String err) {
    static final Instant START = Instant.parse("2026-11-24T03:00:00Z");

    static CliRun against(URI endpoint, String user, char[] password, Path workDir, ManualClock clock, String... args) {
        Path passwordFile = workDir.resolve("password-" + System.nanoTime());
        try {
            PrivateFile.write(passwordFile, new String(password) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--host", endpoint.toString(), "--auth", "ntlm", "--user", user, "--password-file",
                passwordFile.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(all.toArray(String[]::new), new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), null, Map.of(), clock, clock::advance));
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs the CLI with exactly these arguments, an empty environment, no console, and real time. */
    static CliRun exactly(String... args) {
        return exactly(Map.of(), args);
    }

    /** As above, with this environment. */
    static CliRun exactly(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), null, env, java.time.Clock.systemUTC(),
                io.hypervwsman.hyperv.Sleeper.system()));
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Stdout as the exactly one JSON object it must be (fails otherwise). */
    com.fasterxml.jackson.databind.JsonNode json() {
        return JsonStdout.parse(out, err);
    }

    String describe() {
        return "exit " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
}
