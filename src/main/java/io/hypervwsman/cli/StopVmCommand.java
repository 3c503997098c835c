package io.hypervwsman.cli;

import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.VmRef;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import io.hypervwsman.hyperv.replica.StopVm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Shut a VM's guest down gracefully (Stop-VM); turn it off instead only with --turn-off. */
@Command(name = "stop-vm", mixinStandardHelpOptions = true,
        description = "Shut a VM down through its guest's shutdown integration service (Stop-VM) and wait until it"
                + " is Off. Without a working one it refuses, unless --turn-off (then RequestStateChange(3)).")
final class StopVmCommand extends ReplicaVerbCommand {
    @Option(names = "--force-shutdown",
            description = "Close guest applications even with unsaved data (InitiateShutdown Force, Stop-VM -Force).")
    boolean forceShutdown;

    @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "hyperv-wsman stop-vm",
            description = "The shutdown reason the guest records (default: ${DEFAULT-VALUE}).")
    String reason;

    @Override
    String operation() {
        return "InitiateShutdown";
    }

    @Override
    OperationOutcome perform(ReplicaOperations replica, VmRef ref, OperationOptions options) {
        return replica.run(new StopVm(forceShutdown, reason, turnOff), ref, options.withTurnOff(false));
    }
}
