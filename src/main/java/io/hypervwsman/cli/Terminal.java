package io.hypervwsman.cli;

import io.hypervwsman.hyperv.Sleeper;
import java.io.Console;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * What the CLI runs in: its streams, environment, whether a person is watching (progress bar, password
 * prompt), and time (tests drive a simulated clock instead of waiting).
 */
record Terminal(PrintStream out, PrintStream err, Console console, Map<String, String> env, Clock clock,
                Sleeper sleeper) {

    static Terminal system() {
        return new Terminal(System.out, System.err, System.console(), System.getenv(), Clock.systemUTC(),
                Sleeper.system());
    }

    boolean interactive() {
        return console != null;
    }
}
