package io.hypervwsman.cli;

import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.VmRef;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import picocli.CommandLine.Command;

/** Commit a failover; it can no longer be reverted (Complete-VMFailover). */
@Command(name = "commit-failover", mixinStandardHelpOptions = true, description = "Commit a failover; it can no longer be reverted (Complete-VMFailover).")
final class CommitFailoverCommand extends ReplicaVerbCommand {
    @Override
    String operation() {
        return "CommitFailover";
    }

    @Override
    OperationOutcome perform(ReplicaOperations replica, VmRef ref, OperationOptions options) {
        return replica.commitFailover(ref, options);
    }
}
