package io.hypervwsman.cli;

import io.hypervwsman.hyperv.HyperVHost;
import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.OperationOutcome;
import io.hypervwsman.hyperv.VmRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
/** Fail a replica VM over to its latest recovery point (Start-VMFailover). */
@Command(name = "initiate-failover", mixinStandardHelpOptions = true, description = "Fail a replica VM over to its latest recovery point (Start-VMFailover).")
final class InitiateFailoverCommand extends ReplicaVerbCommand {
    @Option(names = "--recovery-point", paramLabel = "NAME|latest", defaultValue = "latest",
            description = "The recovery point; only 'latest' is supported in this build.")
    String recoveryPoint;

    @Override
    String operation() {
        return "InitiateFailover";
    }

    @Override
    OperationOutcome perform(HyperVHost host, VmRef ref, OperationOptions options) {
        if (!"latest".equalsIgnoreCase(recoveryPoint)) {
            throw new UsageException("--recovery-point " + recoveryPoint + " is not supported yet; use latest");
        }
        return host.replica().initiateFailover(ref, options);
    }
}
