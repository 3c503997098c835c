package io.hypervwsman.cli;

import io.hypervwsman.hyperv.HyperVHost;
import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.OperationOutcome;
import io.hypervwsman.hyperv.VmRef;
import picocli.CommandLine.Command;

/** Create a test VM from the latest recovery point (Start-VMFailover -AsTest). */
@Command(name = "test-failover", mixinStandardHelpOptions = true, description = "Create a test VM from the latest recovery point (Start-VMFailover -AsTest).")
final class TestFailoverCommand extends ReplicaVerbCommand {
    @Override
    String operation() {
        return "TestReplicaSystem";
    }

    @Override
    OperationOutcome perform(HyperVHost host, VmRef ref, OperationOptions options) {
        return host.replica().testFailover(ref, options);
    }
}
