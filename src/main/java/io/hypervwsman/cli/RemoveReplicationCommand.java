package io.hypervwsman.cli;

import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.VmRef;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.RemoveReplication;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import picocli.CommandLine.Command;

/** Remove-VMReplication on this host's side. */
@Command(name = "remove-replication", mixinStandardHelpOptions = true,
        description = "Remove-VMReplication on this host: RemoveReplicationRelationship. The other side is removed"
                + " separately.")
final class RemoveReplicationCommand extends ReplicaVerbCommand {
    @Override
    String operation() {
        return "RemoveReplicationRelationship";
    }

    @Override
    OperationOutcome perform(ReplicaOperations replica, VmRef ref, OperationOptions options) {
        return replica.run(new RemoveReplication(), ref, options);
    }
}
