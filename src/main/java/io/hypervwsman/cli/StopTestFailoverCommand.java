package io.hypervwsman.cli;

import io.hypervwsman.hyperv.HyperVHost;
import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.OperationOutcome;
import io.hypervwsman.hyperv.VmRef;
import picocli.CommandLine.Command;

/** End a test failover: turn the test VM off and delete it (Stop-VMFailover after -AsTest). */
@Command(name = "stop-test-failover", mixinStandardHelpOptions = true,
        description = "End a test failover: turn the test VM off and delete it (Stop-VMFailover after -AsTest).")
final class StopTestFailoverCommand extends ReplicaVerbCommand {
    @Override
    String operation() {
        return "DestroySystem";
    }

    @Override
    OperationOutcome perform(HyperVHost host, VmRef ref, OperationOptions options) {
        return host.replica().stopTestFailover(ref, options);
    }
}
