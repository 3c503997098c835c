package io.hypervwsman.cli;

import io.hypervwsman.hyperv.JobProgressListener;
import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.VmRef;
import io.hypervwsman.hyperv.replica.DecidedBy;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.Outcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import java.time.Duration;
import picocli.CommandLine.Option;

/** A Replica operation on one VM: resolve, pre-check, invoke once, follow the job, report. */
abstract class ReplicaVerbCommand extends HostCommand {
    @Option(names = "--vm", required = true, paramLabel = "NAME|GUID", description = "The VM, by name or GUID.")
    String vm;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30m", converter = DurationConverter.class,
            description = "How long to wait for the job (default 30m); it keeps running on the host afterwards.")
    Duration timeout;

    @Option(names = "--turn-off", description = "Turn a running or paused VM off first (as Stop-VMFailover does).")
    boolean turnOff;

    @Option(names = "--force", description = "Skip the pre-checks.")
    boolean force;

    @Option(names = "--dry-run", description = "Resolve and pre-check, print what would be invoked, invoke nothing.")
    boolean dryRun;

    @Override
    String vmGiven() {
        return vm;
    }

    /** The command's own name (revert-failover): what its reports say it was asked to do. */
    @Override
    String operation() {
        return getClass().getAnnotation(picocli.CommandLine.Command.class).name();
    }

    /**
     * Whether to go ahead: an irreversible verb asks first ({@link CommitFailoverCommand}); refuses by throwing
     * (a {@link UsageException} without a terminal, an OperationFailedException when the answer is no).
     */
    void confirm(ConnectionMixin.Session session) {
    }

    abstract OperationOutcome perform(ReplicaOperations replica, VmRef ref, OperationOptions options);

    @Override
    int run(ConnectionMixin.Session session, boolean json) {
        VmRef ref;
        try {
            ref = VmRef.of(vm);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        // With --output json stdout carries only the result; stderr still names each job once, so that a log of a
        // run that dies before its end (kill -9, a lost CI runner) says which job to look at.
        if (!dryRun) {
            confirm(session);
        }
        JobProgressListener display = json ? firstSightOfEachJob(terminal) : new ProgressDisplay(terminal.err(),
                terminal.interactive(), terminal.clock(), vm);
        OperationOutcome outcome;
        try (StopHook stop = new StopHook(report, vm, session.label(), operation(), this::jobWaitCommand,
                "hyperv-wsman replication status --vm " + ShellWords.quote(vm) + connection.resumeArguments())) {
            OperationOptions options = OperationOptions.defaults().withTimeout(timeout).withTurnOff(turnOff)
                    .withForce(force).withDryRun(dryRun).withListener(stop.tracking(display));
            outcome = perform(ReplicaOperations.of(session.host()), ref, options);
        }
        if (verbose) {
            terminal.err().println("wmi: " + outcome.operation().command() + " invokes "
                    + outcome.operation().method() + (outcome.returnValue() == null ? "" : ", ReturnValue "
                    + outcome.returnValue()) + (outcome.job() == null ? "" : ", job " + outcome.job().instanceId()));
        }
        if (outcome.decidedBy() == DecidedBy.PRE_CHECK) {
            report.refusal(outcome, vm);
            return ExitCodes.of(outcome.outcome());
        }
        report.print(outcome, outcome.outcome() == Outcome.TIMED_OUT && outcome.job() != null
                ? jobWaitCommand(outcome.job().instanceId()) : null);
        return ExitCodes.of(outcome.outcome());
    }

    /** With --output json: each job named once on stderr, so that a log of a run cut short says which to look at. */
    static JobProgressListener firstSightOfEachJob(Terminal terminal) {
        java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        return report -> {
            if (report.instanceId() != null && seen.add(report.instanceId())) {
                terminal.err().println("job " + report.instanceId() + ": " + report.state());
                terminal.err().flush();
            }
        };
    }
}
