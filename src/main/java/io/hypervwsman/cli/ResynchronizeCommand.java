package io.hypervwsman.cli;

import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.VmRef;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import picocli.CommandLine.Command;

/** Resynchronize a VM whose replication needs it (Resume-VMReplication -Resynchronize). */
@Command(name = "resynchronize", mixinStandardHelpOptions = true, description = "Resynchronize a VM whose replication needs it (Resume-VMReplication -Resynchronize).")
final class ResynchronizeCommand extends ReplicaVerbCommand {

    @Override
    OperationOutcome perform(ReplicaOperations replica, VmRef ref, OperationOptions options) {
        return replica.resynchronize(ref, options);
    }
}
