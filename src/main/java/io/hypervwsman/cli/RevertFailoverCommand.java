package io.hypervwsman.cli;

import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.VmRef;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import picocli.CommandLine.Command;

/** Cancel a Hyper-V Replica failover (Stop-VMFailover): RevertFailover, followed to the end. */
@Command(name = "revert-failover", mixinStandardHelpOptions = true, description = "Cancel a Hyper-V Replica failover (Stop-VMFailover): RevertFailover, followed to the end.")
final class RevertFailoverCommand extends ReplicaVerbCommand {

    @Override
    OperationOutcome perform(ReplicaOperations replica, VmRef ref, OperationOptions options) {
        return replica.revertFailover(ref, options);
    }
}
