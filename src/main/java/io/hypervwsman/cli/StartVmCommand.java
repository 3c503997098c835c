package io.hypervwsman.cli;

import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.VmRef;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import io.hypervwsman.hyperv.replica.StartVm;
import picocli.CommandLine.Command;

/** Start a VM (Start-VM); a replica only once it is failed over. */
@Command(name = "start-vm", mixinStandardHelpOptions = true,
        description = "Start a VM (Start-VM): RequestStateChange(2). A replica starts only after a failover.")
final class StartVmCommand extends ReplicaVerbCommand {
    @Override
    String operation() {
        return "RequestStateChange";
    }

    @Override
    OperationOutcome perform(ReplicaOperations replica, VmRef ref, OperationOptions options) {
        return replica.run(new StartVm(force), ref, options);
    }
}
