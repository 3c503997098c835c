package io.hypervwsman.cli;

import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.VmRef;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Create a test VM from a recovery point (Start-VMFailover -AsTest). */
@Command(name = "test-failover", mixinStandardHelpOptions = true,
        description = "Create a test VM from a recovery point, the latest by default (Start-VMFailover -AsTest).")
final class TestFailoverCommand extends ReplicaVerbCommand {
    @Mixin
    RecoveryPointOption recoveryPoint;


    @Override
    OperationOutcome perform(ReplicaOperations replica, VmRef ref, OperationOptions options) {
        return replica.testFailover(ref, recoveryPoint.get(), options);
    }
}
