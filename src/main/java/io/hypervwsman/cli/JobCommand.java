package io.hypervwsman.cli;

import io.hypervwsman.hyperv.ConcreteJobFinder;
import io.hypervwsman.hyperv.JobReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.Outcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Jobs: list the host's, show one by id, or wait for it to end (e.g. after a timed-out revert). */
@Command(name = "job", mixinStandardHelpOptions = true, description = "List, show or wait for Hyper-V jobs.",
        subcommands = {JobCommand.ListJobs.class, JobCommand.Show.class, JobCommand.Wait.class})
final class JobCommand {

    /** {@code job list}: running jobs and those finished within the last five minutes, with their VMs. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the host's running and recently finished jobs (kept about 5 minutes) with their VMs.")
    static final class ListJobs extends HostCommand {
        @Override
        String operation() {
            return "ListJobs";
        }

        @Override
        int run(ConnectionMixin.Session session, boolean json) {
            List<ConcreteJobFinder.ListedJob> jobs = session.host().jobFinder().list();
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("host", session.label());
                m.put("jobs", jobs.stream().map(ListJobs::toMap).toList());
                terminal.out().println(OutcomeReport.write(m));
                return 0;
            }
            if (jobs.isEmpty()) {
                terminal.out().println("no running or recently finished jobs on " + session.label());
                return 0;
            }
            for (ConcreteJobFinder.ListedJob j : jobs) {
                JobReport r = j.job().report();
                terminal.out().println(r.instanceId() + "  type " + j.job().jobType() + "  " + r.state()
                        + (r.percentComplete() == null ? "" : " " + r.percentComplete() + "%")
                        + j.job().startTime().map(t -> "  started " + t).orElse("")
                        + "  " + j.vm().map(v -> v.name() + " (" + v.id() + ")").orElse("(no VM)"));
            }
            return 0;
        }

        private static Map<String, Object> toMap(ConcreteJobFinder.ListedJob j) {
            Map<String, Object> m = OutcomeReport.job(j.job().report());
            m.put("jobType", j.job().jobType());
            m.put("startTime", j.job().startTime().map(Object::toString).orElse(null));
            m.put("vm", j.vm().map(v -> {
                Map<String, Object> vm = new LinkedHashMap<>();
                vm.put("name", v.name());
                vm.put("id", v.id());
                return vm;
            }).orElse(null));
            return m;
        }
    }

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
                    json ? null : new ProgressDisplay(terminal.err(), terminal.interactive(), terminal.clock(), null));
            report.print(o, o.outcome() == Outcome.TIMED_OUT
                    ? "hyperv-wsman job wait --job " + ShellWords.quote(job) + connection.resumeArguments() : null);
            return ExitCodes.of(o.outcome());
        }
    }
}
