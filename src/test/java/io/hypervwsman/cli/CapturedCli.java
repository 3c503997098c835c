package io.hypervwsman.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypervwsman.hyperv.Sleeper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/** Runs the CLI in-process on a given clock and keeps what the last run printed. */
final class CapturedCli {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(Map<String, String> env, Clock clock, Sleeper sleeper, Terminal.LineReader reader, String... args) {
        out.reset();
        err.reset();
        return Main.run(args, new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), null, env, clock, sleeper, reader));
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Stdout as the one JSON object it must be. */
    JsonNode json() {
        return JsonStdout.parse(out(), err());
    }
}
