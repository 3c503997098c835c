package io.hypervwsman.cli;

import io.hypervwsman.OperationFailedException;
import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.VmRef;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Commit a failover; it can no longer be reverted (Complete-VMFailover). Irreversible, so it asks first on a
 * terminal; without one (a script, CI) it needs --yes and otherwise refuses as a usage error (exit 2).
 */
@Command(name = "commit-failover", mixinStandardHelpOptions = true,
        description = "Commit a failover; it can no longer be reverted (Complete-VMFailover). Asks for confirmation"
                + " on a terminal; without a terminal --yes is required.")
final class CommitFailoverCommand extends ReplicaVerbCommand {
    @Option(names = {"-y", "--yes"}, description = "Commit without asking (needed without a terminal: scripts, CI).")
    boolean yes;

    @Override
    void confirm(ConnectionMixin.Session session, List<String> names) {
        if (yes) {
            return;
        }
        String which = names.size() == 1 ? "the failover of " + names.get(0)
                : "the failovers of " + names.size() + " VMs (" + String.join(", ", names) + ")";
        if (!terminal.canAsk()) {
            throw new UsageException("commit-failover cannot be undone and there is no terminal to confirm it on",
                    "add --yes to commit " + which + " without asking");
        }
        String answer = terminal.reader().readLine("commit " + which + " on " + session.label()
                + "? It cannot be reverted afterwards. Type yes to commit: ");
        if (answer == null || !"yes".equals(answer.trim().toLowerCase(Locale.ROOT))) {
            throw new OperationFailedException("commit-failover of " + String.join(", ", names)
                    + " not confirmed; nothing was invoked");
        }
    }

    @Override
    OperationOutcome perform(ReplicaOperations replica, VmRef ref, OperationOptions options) {
        return replica.commitFailover(ref, options);
    }
}
