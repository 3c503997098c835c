package io.hypervwsman.cli;

import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.VmRef;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import io.hypervwsman.hyperv.replica.ResumeReplication;
import picocli.CommandLine.Command;

/** Resume-VMReplication: RequestReplicationStateChange. */
@Command(name = "resume-replication", mixinStandardHelpOptions = true,
        description = "Resume-VMReplication: RequestReplicationStateChange(3) on the VM.")
final class ResumeReplicationCommand extends ReplicaVerbCommand {
    @Override
    String operation() {
        return "RequestReplicationStateChange";
    }

    @Override
    OperationOutcome perform(ReplicaOperations replica, VmRef ref, OperationOptions options) {
        return replica.run(new ResumeReplication(), ref, options);
    }
}
