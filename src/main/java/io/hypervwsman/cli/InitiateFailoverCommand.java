package io.hypervwsman.cli;

import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.VmRef;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
/** Fail a replica VM over to a recovery point (Start-VMFailover). */
@Command(name = "initiate-failover", mixinStandardHelpOptions = true, description = "Fail a replica VM over to a recovery point, the latest by default (Start-VMFailover).")
final class InitiateFailoverCommand extends ReplicaVerbCommand {
    @Mixin
    RecoveryPointOption recoveryPoint;


    @Override
    OperationOutcome perform(ReplicaOperations replica, VmRef ref, OperationOptions options) {
        return replica.initiateFailover(ref, recoveryPoint.get(), options);
    }
}
