package io.hypervwsman.cli;

import io.hypervwsman.hyperv.JobProgressListener;
import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.replica.DecidedBy;
import io.hypervwsman.hyperv.replica.HostVerb;
import io.hypervwsman.hyperv.replica.Operation;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.Outcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * An operation on the host itself, with no VM (replication-server set, test-replication-connection): each of its
 * steps is one {@link HostVerb} run through the engine (invoked once, its job followed, decided), in order, stopping
 * at the first that does not succeed.
 */
abstract class HostVerbCommand extends HostCommand {
    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30m", converter = DurationConverter.class,
            description = "How long to wait for each job (default 30m); it keeps running on the host afterwards.")
    Duration timeout;

    @Option(names = "--dry-run", description = "Read and check, print what would be invoked, invoke nothing.")
    boolean dryRun;

    /** What to run to see where the host stands when the command is stopped before any job was reported. */
    String checkCommand() {
        return "hyperv-wsman job list" + connection.resumeArguments();
    }

    /**
     * Runs the steps against the session's host with this command's options, progress on stderr, and a stop
     * (Ctrl-C, SIGTERM) reported with the job that goes on.
     */
    List<OperationOutcome> runSteps(ConnectionMixin.Session session, boolean json, List<HostVerb> steps) {
        JobProgressListener display = json ? ReplicaVerbCommand.firstSightOfEachJob(terminal)
                : new ProgressDisplay(terminal.err(), terminal.interactive(), terminal.clock(), session.label());
        try (StopHook stop = new StopHook(report, null, session.label(), operation(), this::jobWaitCommand,
                checkCommand())) {
            OperationOptions options = OperationOptions.defaults().withTimeout(timeout).withDryRun(dryRun)
                    .withListener(stop.tracking(display));
            return ReplicaOperations.of(session.host()).runInOrder(steps, options);
        }
    }

    /** The command that goes on waiting for a timed-out outcome's job, or null. */
    String resumeFor(OperationOutcome o) {
        return o.outcome() == Outcome.TIMED_OUT && o.job() != null ? jobWaitCommand(o.job().instanceId()) : null;
    }

    /**
     * Several steps' outcomes as one, about {@code command}: decided by the step that did not succeed, else nothing
     * to do when every step had nothing to do, a dry run when any was one, and otherwise by the last that changed
     * the host. A single step is its own outcome.
     */
    static OperationOutcome combined(String command, List<OperationOutcome> steps) {
        if (steps.size() == 1) {
            return steps.get(0);
        }
        OperationOutcome deciding = steps.stream().filter(o -> o.outcome() != Outcome.SUCCEEDED).findFirst()
                .orElseGet(() -> steps.stream().filter(o -> o.decidedBy() == DecidedBy.DRY_RUN).findFirst()
                        .orElseGet(() -> steps.stream().filter(o -> o.decidedBy() != DecidedBy.NOTHING_TO_DO)
                                .reduce((a, b) -> b).orElse(steps.get(steps.size() - 1))));
        List<String> warnings = steps.stream().flatMap(o -> o.warnings().stream()).collect(Collectors.toList());
        return OperationOutcome.builder(Operation.of(steps.stream().map(o -> o.operation().method())
                        .collect(Collectors.joining("+")), command)).host(deciding.host())
                .returnValue(deciding.returnValue()).job(deciding.job())
                .ended(deciding.outcome(), deciding.decidedBy())
                .message(steps.stream().map(OperationOutcome::message).collect(Collectors.joining("; then ")))
                .durationMs(steps.stream().mapToLong(OperationOutcome::durationMs).sum()).warnings(warnings)
                .hint(deciding.hint()).build();
    }

    /** Whether the steps together changed the host: yes if any did, unknown if any cannot say, else no. */
    static Boolean changed(List<OperationOutcome> steps) {
        if (steps.stream().anyMatch(o -> Boolean.TRUE.equals(o.changed()))) {
            return true;
        }
        return steps.stream().map(OperationOutcome::changed).anyMatch(Objects::isNull) ? null : Boolean.FALSE;
    }
}
