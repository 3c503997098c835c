package io.hypervwsman.cli;

import io.hypervwsman.hyperv.HeartbeatWait;
import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.VirtualMachine;
import io.hypervwsman.hyperv.VmRef;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import io.hypervwsman.hyperv.replica.StartVm;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Start a VM (Start-VM); a replica only once it is failed over. Optionally wait until its guest answers. */
@Command(name = "start-vm", mixinStandardHelpOptions = true,
        description = "Start a VM (Start-VM): RequestStateChange(2). A replica starts only after a failover.")
final class StartVmCommand extends ReplicaVerbCommand {
    @Option(names = "--wait-for-heartbeat", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "After the start, wait up to DURATION (e.g. 5m) for the guest's heartbeat to be OK;"
                    + " exit 1 if it is not.")
    Duration waitForHeartbeat;

    @Override
    OperationOutcome perform(ReplicaOperations replica, VmRef ref, OperationOptions options) {
        return replica.run(new StartVm(force), ref, options);
    }

    @Override
    String followUpPhase() {
        return waitForHeartbeat == null ? null : "heartbeat";
    }

    @Override
    FollowUp followUp(ConnectionMixin.Session session, OperationOutcome outcome) throws InterruptedException {
        if (waitForHeartbeat == null || outcome.vm() == null) {
            return null;
        }
        VirtualMachine v = session.host().vms().resolve(VmRef.of(outcome.vm().id()));
        HeartbeatWait.Result r = new HeartbeatWait(session.host().vms(), terminal.clock(), terminal.sleeper())
                .await(v, waitForHeartbeat);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", r.ok());
        m.put("status", r.last().describe());
        m.put("operationalStatus", r.last().operationalStatus());
        m.put("waitedMs", r.waited().toMillis());
        return new FollowUp("heartbeat", r.ok(), r.describe(waitForHeartbeat), m);
    }
}
