package io.hypervwsman.cli;

import io.hypervwsman.hyperv.HyperVHost;
import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.OperationOutcome;
import io.hypervwsman.hyperv.VmRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
/** Fail a replica VM over to a recovery point (Start-VMFailover). */
@Command(name = "initiate-failover", mixinStandardHelpOptions = true, description = "Fail a replica VM over to a recovery point, the latest by default (Start-VMFailover).")
final class InitiateFailoverCommand extends ReplicaVerbCommand {
    @Option(names = "--recovery-point", paramLabel = "NAME|ID|latest", defaultValue = "latest",
            description = "The recovery point to fail over to: its name (as Get-VMSnapshot shows it), its id"
                    + " (Microsoft:<GUID>), or latest (default).")
    String recoveryPoint;

    @Override
    String operation() {
        return "InitiateFailover";
    }

    @Override
    OperationOutcome perform(HyperVHost host, VmRef ref, OperationOptions options) {
        if (recoveryPoint.isBlank()) {
            throw new UsageException("--recovery-point needs a name, an id or latest");
        }
        return host.replica().initiateFailover(ref, recoveryPoint, options);
    }
}
