package io.hypervwsman.cli;

import io.hypervwsman.hyperv.HyperVHost;
import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.OperationOutcome;
import io.hypervwsman.hyperv.Outcome;
import io.hypervwsman.hyperv.VmRef;
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

    abstract OperationOutcome perform(HyperVHost host, VmRef ref, OperationOptions options);

    @Override
    int run(ConnectionMixin.Session session, boolean json) {
        VmRef ref;
        try {
            ref = VmRef.of(vm);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        OperationOptions options = OperationOptions.defaults().withTimeout(timeout).withTurnOff(turnOff)
                .withForce(force).withDryRun(dryRun)
                .withListener(json ? null : new ProgressDisplay(terminal.err(), terminal.interactive()));
        OperationOutcome outcome = perform(session.host(), ref, options);
        OutcomeReport.print(outcome, json, terminal.out(), terminal.err());
        if (outcome.outcome() == Outcome.TIMED_OUT && outcome.job() != null && !json) {
            terminal.err().println("hint: resume waiting with: hyperv-wsman job wait --job " + outcome.job().instanceId()
                    + (connection.simulate ? " --simulate" : " --host " + connection.host
                    + (connection.user == null ? "" : " --user '" + connection.user + "'")));
        }
        return outcome.outcome().exitCode();
    }
}
