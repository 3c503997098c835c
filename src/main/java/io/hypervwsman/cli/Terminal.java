package io.hypervwsman.cli;

import java.io.Console;
import java.io.PrintStream;
import java.util.Map;

/** The CLI's streams, environment, and whether a person is watching (progress bar, password prompt). */
record Terminal(PrintStream out, PrintStream err, Console console, Map<String, String> env) {

    static Terminal system() {
        return new Terminal(System.out, System.err, System.console(), System.getenv());
    }

    boolean interactive() {
        return console != null;
    }
}
