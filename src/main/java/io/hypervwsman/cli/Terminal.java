package io.hypervwsman.cli;

import io.hypervwsman.hyperv.Sleeper;
import java.io.Console;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * What the CLI runs in: its streams, environment, whether a person is watching (progress bar, password
 * prompt, confirmation), and time (tests drive a simulated clock instead of waiting).
 *
 * @param reader reads a line a person types at a prompt, or null when no one can answer (scripts, CI)
 */
record Terminal(PrintStream out, PrintStream err, Console console, Map<String, String> env, Clock clock,
                Sleeper sleeper, LineReader reader) {

    /** Reads one line a person types after a prompt; null at end of input. */
    @FunctionalInterface
    interface LineReader {
        String readLine(String prompt);
    }

    /** A terminal whose questions are answered on {@code console}, if there is one. */
    Terminal(PrintStream out, PrintStream err, Console console, Map<String, String> env, Clock clock,
             Sleeper sleeper) {
        this(out, err, console, env, clock, sleeper, console == null ? null : p -> console.readLine("%s", p));
    }

    static Terminal system() {
        return new Terminal(System.out, System.err, System.console(), System.getenv(), Clock.systemUTC(),
                Sleeper.system());
    }

    boolean interactive() {
        return console != null || reader != null;
    }

    /** Whether a person can answer a question (a confirmation). */
    boolean canAsk() {
        return reader != null;
    }
}
