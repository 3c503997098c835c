package io.hypervwsman.cli;

import io.hypervwsman.hyperv.HyperVHost;
import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.OperationOutcome;
import io.hypervwsman.hyperv.VmRef;
import picocli.CommandLine.Command;

/** Prepare a planned failover on a primary VM (Start-VMFailover -Prepare). */
@Command(name = "prepare-planned-failover", mixinStandardHelpOptions = true, description = "Prepare a planned failover on a primary VM (Start-VMFailover -Prepare).")
final class PreparePlannedFailoverCommand extends ReplicaVerbCommand {
    @Override
    String operation() {
        return "RequestReplicationStateChangeEx";
    }

    @Override
    OperationOutcome perform(HyperVHost host, VmRef ref, OperationOptions options) {
        return host.replica().preparePlannedFailover(ref, options);
    }
}
