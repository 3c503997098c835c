package io.hypervwsman.cli;

import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.VmRef;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import picocli.CommandLine.Command;

/** Prepare a planned failover on a primary VM (Start-VMFailover -Prepare). */
@Command(name = "prepare-planned-failover", mixinStandardHelpOptions = true, description = "Prepare a planned failover on a primary VM (Start-VMFailover -Prepare).")
final class PreparePlannedFailoverCommand extends ReplicaVerbCommand {

    @Override
    OperationOutcome perform(ReplicaOperations replica, VmRef ref, OperationOptions options) {
        return replica.preparePlannedFailover(ref, options);
    }
}
