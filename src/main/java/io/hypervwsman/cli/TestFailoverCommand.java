package io.hypervwsman.cli;

import io.hypervwsman.hyperv.HyperVHost;
import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.OperationOutcome;
import io.hypervwsman.hyperv.VmRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Create a test VM from a recovery point (Start-VMFailover -AsTest). */
@Command(name = "test-failover", mixinStandardHelpOptions = true,
        description = "Create a test VM from a recovery point, the latest by default (Start-VMFailover -AsTest).")
final class TestFailoverCommand extends ReplicaVerbCommand {
    @Option(names = "--recovery-point", paramLabel = "NAME|ID|latest", defaultValue = "latest",
            description = "The recovery point to test: its name, its id (Microsoft:<GUID>), or latest (default).")
    String recoveryPoint;

    @Override
    String operation() {
        return "TestReplicaSystem";
    }

    @Override
    OperationOutcome perform(HyperVHost host, VmRef ref, OperationOptions options) {
        if (recoveryPoint.isBlank()) {
            throw new UsageException("--recovery-point needs a name, an id or latest");
        }
        return host.replica().testFailover(ref, recoveryPoint, options);
    }
}
