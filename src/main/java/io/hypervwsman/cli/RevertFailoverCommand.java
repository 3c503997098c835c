package io.hypervwsman.cli;

import io.hypervwsman.hyperv.HyperVHost;
import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.OperationOutcome;
import io.hypervwsman.hyperv.VmRef;
import picocli.CommandLine.Command;

/** Cancel a Hyper-V Replica failover (Stop-VMFailover): RevertFailover, followed to the end. */
@Command(name = "revert-failover", mixinStandardHelpOptions = true, description = "Cancel a Hyper-V Replica failover (Stop-VMFailover): RevertFailover, followed to the end.")
final class RevertFailoverCommand extends ReplicaVerbCommand {
    @Override
    String operation() {
        return "RevertFailover";
    }

    @Override
    OperationOutcome perform(HyperVHost host, VmRef ref, OperationOptions options) {
        return host.replica().revertFailover(ref, options);
    }
}
