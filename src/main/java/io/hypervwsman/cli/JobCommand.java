package io.hypervwsman.cli;

import io.hypervwsman.hyperv.JobReport;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.Outcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Jobs by id: show one, or wait for it to end (e.g. after a timed-out revert). */
@Command(name = "job", mixinStandardHelpOptions = true, description = "Show or wait for a Hyper-V job.",
        subcommands = {JobCommand.Show.class, JobCommand.Wait.class})
final class JobCommand {

    /** {@code job show --job ID}. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a job's state.")
    static final class Show extends HostCommand {
        @Option(names = "--job", required = true, paramLabel = "ID", description = "The job's InstanceID.")
        String job;

        @Override
        String operation() {
            return "ShowJob";
        }

        @Override
        String resultKey() {
            return "job";
        }

        @Override
        int run(ConnectionMixin.Session session, boolean json) {
            JobReport r = session.host().jobs().show(job);
            if (json) {
                report.result("job", OutcomeReport.job(r));
            } else {
                terminal.out().println("job " + r.instanceId() + ": " + r.state() + " (" + r.jobState() + ")"
                        + (r.percentComplete() == null ? "" : ", " + r.percentComplete() + "%")
                        + (r.errorCode() == 0 ? "" : ", error " + r.errorCode() + ": " + r.errorDescription()));
            }
            return 0;
        }
    }

    /** {@code job wait --job ID [--timeout 30m]}. */
    @Command(name = "wait", mixinStandardHelpOptions = true, description = "Wait for a job to end.")
    static final class Wait extends HostCommand {
        @Option(names = "--job", required = true, paramLabel = "ID", description = "The job's InstanceID.")
        String job;

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30m", converter = DurationConverter.class,
                description = "How long to wait (default 30m).")
        Duration timeout;

        @Override
        String operation() {
            return "WaitForJob";
        }

        @Override
        int run(ConnectionMixin.Session session, boolean json) {
            OperationOutcome o = ReplicaOperations.of(session.host()).waitForJob(job, timeout,
                    json ? null : new ProgressDisplay(terminal.err(), terminal.interactive()));
            report.print(o, o.outcome() == Outcome.TIMED_OUT
                    ? "hyperv-wsman job wait --job " + ShellWords.quote(job) + connection.resumeArguments() : null);
            return ExitCodes.of(o.outcome());
        }
    }
}
