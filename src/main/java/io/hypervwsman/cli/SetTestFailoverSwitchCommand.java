package io.hypervwsman.cli;

import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.VmRef;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import io.hypervwsman.hyperv.replica.SetTestFailoverSwitch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Set-VMNetworkAdapter -TestReplicaSwitchName: the switch a test failover connects an adapter to. */
@Command(name = "set-test-failover-switch", mixinStandardHelpOptions = true,
        description = "The virtual switch a test failover connects a network adapter to (TestReplicaSwitchName,"
                + " ModifyResourceSettings), so the test VM lands on an isolated network.")
final class SetTestFailoverSwitchCommand extends ReplicaVerbCommand {
    @Option(names = "--adapter", required = true, paramLabel = "NAME|MAC", description = "The network adapter.")
    String adapter;

    @Option(names = "--switch", required = true, paramLabel = "NAME", description = "The switch for test failovers.")
    String switchName;

    @Override
    String operation() {
        return "ModifyResourceSettings";
    }

    @Override
    OperationOutcome perform(ReplicaOperations replica, VmRef ref, OperationOptions options) {
        SetTestFailoverSwitch verb;
        try {
            verb = new SetTestFailoverSwitch(adapter, switchName);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return replica.run(verb, ref, options);
    }
}
