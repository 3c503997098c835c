package io.hypervwsman.cli;

import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.VmRef;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import io.hypervwsman.hyperv.replica.TurnOff;
import picocli.CommandLine.Command;

/** Turn a VM off, losing unsaved guest data (Stop-VM -TurnOff). */
@Command(name = "turn-off", mixinStandardHelpOptions = true,
        description = "Turn a VM off (Stop-VM -TurnOff): RequestStateChange(3); unsaved guest data is lost.")
final class TurnOffCommand extends ReplicaVerbCommand {
    @Override
    String operation() {
        return "RequestStateChange";
    }

    @Override
    OperationOutcome perform(ReplicaOperations replica, VmRef ref, OperationOptions options) {
        return replica.run(new TurnOff(), ref, options);
    }
}
