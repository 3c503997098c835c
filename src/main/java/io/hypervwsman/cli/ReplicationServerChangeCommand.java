package io.hypervwsman.cli;

import io.hypervwsman.HyperVWsManException;
import io.hypervwsman.hyperv.ReplicaQueries;
import io.hypervwsman.hyperv.ReplicaServer;
import io.hypervwsman.hyperv.replica.DecidedBy;
import io.hypervwsman.hyperv.replica.HostVerb;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A change of the Replica server settings: the settings are read, the change's steps run through the engine, and
 * the settings read again, so the report shows both as the host gave them (never the values asked for).
 */
abstract class ReplicationServerChangeCommand extends HostVerbCommand {

    /** The verbs that carry the change out, given the settings as they are; refusals throw. */
    abstract List<HostVerb> steps(ReplicaServer before);

    @Override
    String operation() {
        // The subcommand's own @Command name, as ReplicaVerbCommand names its operation.
        return "replication-server " + getClass().getAnnotation(picocli.CommandLine.Command.class).name();
    }

    @Override
    String checkCommand() {
        return "hyperv-wsman replication-server show" + connection.resumeArguments();
    }

    @Override
    int run(ConnectionMixin.Session session, boolean json) {
        ReplicaQueries queries = session.host().replicaQueries();
        ReplicaServer before = queries.replicaServer();
        List<HostVerb> steps;
        try {
            steps = steps(before);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        List<OperationOutcome> done = runSteps(session, json, steps);
        ReplicaServer after = null;
        try {
            after = queries.replicaServer();
        } catch (HyperVWsManException e) {
            terminal.err().println("warning: the settings could not be read back: " + e.getMessage());
        }
        OperationOutcome outcome = combined(operation(), done);
        int exitCode = ExitCodes.of(outcome.outcome());
        Boolean changed = changed(done);
        if (json) {
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("changed", changed);
            extra.put("exitCode", exitCode);
            extra.put("hint", HintText.of(outcome.hint()));
            extra.put("steps", done.stream().map(report::toMap).collect(Collectors.toList()));
            extra.put("before", ReplicationServerCommand.settings(before));
            extra.put("after", after == null ? null : ReplicationServerCommand.settings(after));
            report.print(outcome, resumeFor(outcome), extra);
            return exitCode;
        }
        printSettings(before, after);
        if (done.size() > 1) {
            done.forEach(o -> terminal.err().println("step " + o.operation().method() + ": " + o.outcome().label()
                    + " (" + o.decidedBy().label() + ")"));
        }
        if (outcome.decidedBy() == DecidedBy.PRE_CHECK && Boolean.FALSE.equals(changed)) {
            report.refusal(outcome, null);
        } else {
            report.print(outcome, resumeFor(outcome));
        }
        return exitCode;
    }

    /** Each setting as read before, and "-> after" where the host now shows another value. */
    private void printSettings(ReplicaServer before, ReplicaServer after) {
        Map<String, Object> was = ReplicationServerCommand.settings(before);
        Map<String, Object> now = after == null ? was : ReplicationServerCommand.settings(after);
        was.forEach((k, v) -> {
            if (!"authorizationEntries".equals(k)) {
                Object n = now.get(k);
                terminal.out().printf("%-32s %s%s%n", k, v == null ? "-" : v,
                        Objects.equals(v, n) ? "" : " -> " + (n == null ? "-" : n));
            }
        });
        ReplicaServer shown = after == null ? before : after;
        before.entries().stream().filter(e -> !shown.entries().contains(e))
                .forEach(e -> terminal.out().println("removed " + ReplicationServerCommand.entryLine(e)));
        shown.entries().forEach(e -> terminal.out().println((before.entries().contains(e) ? "" : "added ")
                + ReplicationServerCommand.entryLine(e)));
    }
}
