package io.hypervwsman.cli;

import io.hypervwsman.hyperv.HyperVHost;
import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.OperationOutcome;
import io.hypervwsman.hyperv.VmRef;
import picocli.CommandLine.Command;

/** Resynchronize a VM whose replication needs it (Resume-VMReplication -Resynchronize). */
@Command(name = "resynchronize", mixinStandardHelpOptions = true, description = "Resynchronize a VM whose replication needs it (Resume-VMReplication -Resynchronize).")
final class ResynchronizeCommand extends ReplicaVerbCommand {
    @Override
    String operation() {
        return "Resynchronize";
    }

    @Override
    OperationOutcome perform(HyperVHost host, VmRef ref, OperationOptions options) {
        return host.replica().resynchronize(ref, options);
    }
}
