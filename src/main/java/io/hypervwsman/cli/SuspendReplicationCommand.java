package io.hypervwsman.cli;

import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.VmRef;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import io.hypervwsman.hyperv.replica.SuspendReplication;
import picocli.CommandLine.Command;

/** Suspend-VMReplication: RequestReplicationStateChange. */
@Command(name = "suspend-replication", mixinStandardHelpOptions = true,
        description = "Suspend-VMReplication: RequestReplicationStateChange(7) on the VM.")
final class SuspendReplicationCommand extends ReplicaVerbCommand {
    @Override
    String operation() {
        return "RequestReplicationStateChange";
    }

    @Override
    OperationOutcome perform(ReplicaOperations replica, VmRef ref, OperationOptions options) {
        return replica.run(new SuspendReplication(), ref, options);
    }
}
