package io.hypervwsman.cli;

import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.VmRef;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import io.hypervwsman.hyperv.replica.StartInitialReplication;
import picocli.CommandLine.Command;

/** Start-VMInitialReplication over the network. */
@Command(name = "start-initial-replication", mixinStandardHelpOptions = true,
        description = "Start-VMInitialReplication over the network: StartReplication(InitialReplicationType 1),"
                + " followed until the copy is done (Replicating).")
final class StartInitialReplicationCommand extends ReplicaVerbCommand {
    @Override
    String operation() {
        return "StartReplication";
    }

    @Override
    OperationOutcome perform(ReplicaOperations replica, VmRef ref, OperationOptions options) {
        return replica.run(new StartInitialReplication(), ref, options);
    }
}
