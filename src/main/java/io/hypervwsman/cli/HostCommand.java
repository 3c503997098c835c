package io.hypervwsman.cli;

import io.hypervwsman.HyperVWsManException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A command that connects to a host (or the embedded simulator) and reports in text or JSON. */
abstract class HostCommand implements Callable<Integer> {
    @Mixin
    ConnectionMixin connection;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
    String output;

    @Option(names = "--verbose", description = "Show the WS-Management exchange (decrypted, no secrets) and stack traces.")
    boolean verbose;

    Terminal terminal = Terminal.system();

    boolean json() {
        if (!"text".equals(output) && !"json".equals(output)) {
            throw new UsageException("--output must be text or json, not " + output);
        }
        return "json".equals(output);
    }

    /** The operation's name for reports, e.g. RevertFailover. */
    abstract String operation();

    /** The VM as given, if the command has one. */
    String vmGiven() {
        return null;
    }

    /** The exit code for an error that stopped the command (a monitoring check reports every error as 3). */
    int exitCodeFor(HyperVWsManException e) {
        return ExitCodes.of(e);
    }

    /** Runs against the connected host and returns the exit code. */
    abstract int run(ConnectionMixin.Session session, boolean json) throws Exception;

    @Override
    public Integer call() {
        Instant start = Instant.now();
        boolean json;
        try {
            json = json();
        } catch (UsageException e) {
            terminal.err().println("error: " + e.getMessage());
            return 2;
        }
        try (ConnectionMixin.Session session = connection.open(terminal)) {
            return run(session, json);
        } catch (HyperVWsManException e) {
            int code = exitCodeFor(e);
            OutcomeReport.printError(operation(), connection.label(), vmGiven(), e, code,
                    Duration.between(start, Instant.now()).toMillis(), json, verbose, terminal.out(), terminal.err());
            return code;
        } catch (Exception e) {
            terminal.err().println("error: unexpected failure: " + e);
            if (verbose) {
                LoggerFactory.getLogger(HostCommand.class).error("{} stopped unexpectedly", operation(), e);
            }
            return 4;
        }
    }
}
