package io.hypervwsman.cli;

import io.hypervwsman.hyperv.HyperVHost;
import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.OperationOutcome;
import io.hypervwsman.hyperv.VmRef;
import picocli.CommandLine.Command;

/** Commit a failover; it can no longer be reverted (Complete-VMFailover). */
@Command(name = "commit-failover", mixinStandardHelpOptions = true, description = "Commit a failover; it can no longer be reverted (Complete-VMFailover).")
final class CommitFailoverCommand extends ReplicaVerbCommand {
    @Override
    String operation() {
        return "CommitFailover";
    }

    @Override
    OperationOutcome perform(HyperVHost host, VmRef ref, OperationOptions options) {
        return host.replica().commitFailover(ref, options);
    }
}
