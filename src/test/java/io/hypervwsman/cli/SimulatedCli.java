package io.hypervwsman.cli;


import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypervwsman.hyperv.Sleeper;
import io.hypervwsman.hyperv.SimulatedHostFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the CLI in-process against a simulated host (NTLM, encryption, simulated time) and keeps what it printed. */
final class SimulatedCli {
    final SimulatedHostFixture host;
    private final Path passwordFile;
    private final CapturedCli captured = new CapturedCli();
    Sleeper sleeper;
    /** Answers the CLI's questions as a person at a terminal would; null: no terminal (a script). */
    Terminal.LineReader reader;

    SimulatedCli(SimulatedHostFixture host, Path dir) {
        this.host = host;
        this.sleeper = d -> host.clock.advance(d);
        try {
            this.passwordFile = PrivateFile.write(dir.resolve("password"), SimulatedHostFixture.PASSWORD + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs one command against the simulated host's endpoint; returns the exit code. */
    int run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--host", host.sim.endpoint().toString(), "--auth", "ntlm", "--user",
                SimulatedHostFixture.USER, "--password-file", passwordFile.toString()));
        return runExactly(all.toArray(String[]::new));
    }

    /** Runs one command with {@code --output json}, asserts its exit code, and returns its one JSON object. */
    JsonNode json(int exitCode, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--output", "json"));
        assertEquals(exitCode, run(all.toArray(String[]::new)), () -> out() + err());
        return json();
    }

    /** Runs the CLI with exactly these arguments. */
    int runExactly(String... args) {
        return runWithEnvironment(Map.of(), args);
    }

    /** Runs the CLI with exactly these arguments and this environment (e.g. XDG_CONFIG_HOME for host profiles). */
    int runWithEnvironment(Map<String, String> env, String... args) {
        return captured.run(env, host.clock, sleeper, reader, args);
    }

    String out() {
        return captured.out();
    }

    String err() {
        return captured.err();
    }

    /** Stdout as the one JSON object it must be. */
    JsonNode json() {
        return captured.json();
    }

    int reverts() {
        return host.sim.invocations("RevertFailover");
    }
}
