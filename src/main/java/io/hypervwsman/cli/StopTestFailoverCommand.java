package io.hypervwsman.cli;

import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.VmRef;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import picocli.CommandLine.Command;

/** End a test failover: turn the test VM off and delete it (Stop-VMFailover after -AsTest). */
@Command(name = "stop-test-failover", mixinStandardHelpOptions = true,
        description = "End a test failover: turn the test VM off and delete it (Stop-VMFailover after -AsTest).")
final class StopTestFailoverCommand extends ReplicaVerbCommand {

    @Override
    OperationOutcome perform(ReplicaOperations replica, VmRef ref, OperationOptions options) {
        return replica.stopTestFailover(ref, options);
    }
}
