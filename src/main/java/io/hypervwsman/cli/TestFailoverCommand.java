package io.hypervwsman.cli;

import io.hypervwsman.hyperv.HyperVHost;
import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.OperationOutcome;
import io.hypervwsman.hyperv.VmRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Create a test VM from a recovery point (Start-VMFailover -AsTest). */
@Command(name = "test-failover", mixinStandardHelpOptions = true,
        description = "Create a test VM from a recovery point, the latest by default (Start-VMFailover -AsTest).")
final class TestFailoverCommand extends ReplicaVerbCommand {
    @Mixin
    RecoveryPointOption recoveryPoint;

    @Override
    String operation() {
        return "TestReplicaSystem";
    }

    @Override
    OperationOutcome perform(HyperVHost host, VmRef ref, OperationOptions options) {
        return host.replica().testFailover(ref, recoveryPoint.get(), options);
    }
}
