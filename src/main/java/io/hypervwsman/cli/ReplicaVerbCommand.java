package io.hypervwsman.cli;

import io.hypervwsman.hyperv.JobProgressListener;
import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.VmRef;
import io.hypervwsman.hyperv.replica.DecidedBy;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.Outcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * A Replica operation on one VM: resolve, pre-check, invoke once, follow the job, report. Several {@code --vm}, or
 * a glob, run the verb on each VM they name ({@link SeveralVmsRun}).
 */
abstract class ReplicaVerbCommand extends HostCommand {
    @Option(names = "--vm", required = true, paramLabel = "NAME|GUID|GLOB",
            description = "The VM, by name or GUID; repeat it, or give a glob such as 'web-*', for several VMs"
                    + " (then a table of per-VM results).")
    List<String> vms;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4",
            description = "With several VMs: at most N at once (default ${DEFAULT-VALUE}).")
    int concurrency;

    /** The one VM of a single-VM run (null with several). */
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
        return vms.size() == 1 ? vms.get(0) : null;
    }

    /**
     * Whether this run is over several VMs: more than one --vm, or a glob (whatever it matches). A VM whose name
     * holds * or ? is still named exactly: a --vm equal to a VM's name is that VM, not a glob.
     */
    boolean severalVms(ConnectionMixin.Session session) {
        if (vms.size() > 1) {
            return true;
        }
        String given = vms.get(0).trim();
        return (given.indexOf('*') >= 0 || given.indexOf('?') >= 0)
                && session.host().vms().list().stream().noneMatch(v -> v.name().equalsIgnoreCase(given));
    }

    /** The command's own name (revert-failover): what its reports say it was asked to do. */
    @Override
    String operation() {
        return getClass().getAnnotation(picocli.CommandLine.Command.class).name();
    }

    /**
     * Whether to go ahead with the VMs named (once for all of them): an irreversible verb asks first
     * ({@link CommitFailoverCommand}); refuses by throwing (a {@link UsageException} without a terminal, an
     * OperationFailedException when the answer is no).
     */
    void confirm(ConnectionMixin.Session session, List<String> names) {
    }

    /**
     * What the verb checks after a successful operation (start-vm --wait-for-heartbeat), or null for nothing;
     * a failed follow-up fails the run though the operation itself succeeded.
     */
    FollowUp followUp(ConnectionMixin.Session session, OperationOutcome outcome) throws InterruptedException {
        return null;
    }

    /** The timeline phase {@link #followUp} shows while it runs (e.g. "heartbeat"), or null when it checks nothing. */
    String followUpPhase() {
        return null;
    }

    /** A check after the operation: its result under {@code key} in JSON, and one line in text. */
    record FollowUp(String key, boolean ok, String line, Object json) {
    }

    abstract OperationOutcome perform(ReplicaOperations replica, VmRef ref, OperationOptions options);

    @Override
    int run(ConnectionMixin.Session session, boolean json) throws InterruptedException {
        if (severalVms(session)) {
            if (concurrency < 1) {
                throw new UsageException("--concurrency must be at least 1, not " + concurrency);
            }
            return new SeveralVmsRun(this, session, json).run();
        }
        vm = vms.get(0);
        VmRef ref;
        try {
            ref = VmRef.of(vm);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        // With --output json stdout carries only the result; stderr still names each job once, so that a log of a
        // run that dies before its end (kill -9, a lost CI runner) says which job to look at.
        if (!dryRun) {
            confirm(session, List.of(vm));
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
        FollowUp after = outcome.outcome() == Outcome.SUCCEEDED && outcome.decidedBy() != DecidedBy.DRY_RUN
                ? followUp(session, outcome) : null;
        report.print(outcome, outcome.outcome() == Outcome.TIMED_OUT && outcome.job() != null
                ? jobWaitCommand(outcome.job().instanceId()) : null,
                after == null ? Map.of() : java.util.Collections.singletonMap(after.key(), after.json()));
        if (after != null && !json) {
            terminal.out().println((after.ok() ? "" : "failed: ") + after.line());
        }
        return after != null && !after.ok() ? ExitCodes.FAILED : ExitCodes.of(outcome.outcome());
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
