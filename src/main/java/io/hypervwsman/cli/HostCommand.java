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
    /** --output: picocli matches it case-insensitively (Main), so JSON and json both work. */
    enum OutputFormat { text, json, xml }

    @Mixin
    ConnectionMixin connection;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or json: exactly one JSON object on stdout, whatever happens (the wsman"
                    + " commands also take xml).")
    OutputFormat output;

    @Option(names = "--verbose", description = "Show the WS-Management exchange (decrypted, no secrets) and stack traces.")
    boolean verbose;

    Terminal terminal = Terminal.system();

    /** Where this run's result goes (set when the command starts). */
    OutcomeReport report;

    boolean json() {
        return output == OutputFormat.json;
    }

    /** Whether --output xml means something to this command (the wsman verbs). */
    boolean acceptsXml() {
        return false;
    }

    /** The operation's name for reports, e.g. RevertFailover. */
    abstract String operation();

    /** The VM as given, if the command has one. */
    String vmGiven() {
        return null;
    }

    /** The JSON key of the command's result when it is not an operation outcome (e.g. "vms"), else null. */
    String resultKey() {
        return null;
    }

    /** The exit code for an error that stopped the command (a monitoring check reports every error as 3). */
    int exitCodeFor(HyperVWsManException e) {
        return ExitCodes.of(e);
    }

    /** The command that, pasted, waits for the job on the same endpoint, the same way (never with a secret). */
    String jobWaitCommand(String jobId) {
        return "hyperv-wsman job wait --job " + ShellWords.quote(jobId) + connection.resumeArguments()
                + (connection.simulate ? " (but the embedded simulated host, and its job, end with this command)" : "");
    }

    /** Runs against the connected host and returns the exit code. */
    abstract int run(ConnectionMixin.Session session, boolean json) throws Exception;

    @Override
    public Integer call() {
        Instant start = Instant.now();
        boolean json = json();
        report = new OutcomeReport(operation(), connection.label(), json, connection.simulate, terminal.out(),
                terminal.err()).connectionArguments(connection::resumeArguments);
        if (output == OutputFormat.xml && !acceptsXml()) {
            OutcomeReport.usageError(operation(), false, "--output must be text or json, not xml", null,
                    terminal.out(), terminal.err());
            return ExitCodes.USAGE;
        }
        try (ConnectionMixin.Session session = connection.open(terminal)) {
            report.simulatedBanner(output == OutputFormat.xml);
            return run(session, json);
        } catch (HyperVWsManException e) {
            int exitCode = exitCodeFor(e);
            report.error(vmGiven(), e, exitCode, FailureHints.hintFor(e, exitCode, connection.resumeArguments()),
                    Duration.between(start, Instant.now()).toMillis(), verbose, resultKey());
            return exitCode;
        } catch (Exception e) {
            report.error(vmGiven(), new HyperVWsManException("unexpected failure: " + e, e), 4, null,
                    Duration.between(start, Instant.now()).toMillis(), false, resultKey());
            if (verbose) {
                LoggerFactory.getLogger(HostCommand.class).error("{} stopped unexpectedly", operation(), e);
            }
            return 4;
        }
    }
}
