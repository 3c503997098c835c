package io.hypervwsman.cli;

import io.hypervwsman.hyperv.ReplicationMeasurement;
import io.hypervwsman.hyperv.VirtualMachine;
import io.hypervwsman.hyperv.VmRef;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;

/** Measure-VMReplication: state, health and the statistics of the current monitoring interval for one VM. */
@Command(name = "measure-replication", mixinStandardHelpOptions = true,
        description = "Replication state, health (with reasons), sizes, latency, errors, cycles and pending size of"
                + " one VM (Measure-VMReplication).")
final class MeasureReplicationCommand extends OneVmCommand {
    @Override
    String operation() {
        return "MeasureReplication";
    }

    @Override
    int run(ConnectionMixin.Session session, boolean json) {
        VirtualMachine v = session.host().vms().resolve(VmRef.of(vm));
        ReplicationMeasurement r = session.host().replicaQueries().measure(v);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("host", session.label());
        m.put("vm", Map.of("name", v.name(), "id", v.id()));
        m.put("mode", v.replicationMode().displayName());
        m.put("state", r.relationship().state().powerShellName(v.replicationMode()));
        m.put("wmiState", r.relationship().state().value());
        m.put("health", r.relationship().healthName());
        m.put("wmiHealth", r.relationship().health());
        m.put("healthIssues", r.healthIssues());
        m.put("lastReplicationTime", r.lastReplicationTime() == null ? null : r.lastReplicationTime().toString());
        m.put("averageReplicationSizeBytes", r.averageSize());
        m.put("maximumReplicationSizeBytes", r.maximumSize());
        m.put("averageReplicationLatencySeconds", r.averageLatency());
        m.put("maximumReplicationLatencySeconds", r.maximumLatency());
        m.put("replicationErrors", r.errors());
        m.put("successfulReplicationCycles", r.successCount());
        m.put("missedReplicationCycles", r.missCount());
        m.put("pendingReplicationSizeBytes", r.pendingSize());
        m.put("method", r.method());
        m.put("statistics", r.statistics());
        if (json) {
            terminal.out().println(OutcomeReport.write(m));
            return 0;
        }
        String[] shown = {"state", "health", "lastReplicationTime", "pendingReplicationSizeBytes",
            "averageReplicationLatencySeconds", "maximumReplicationLatencySeconds", "averageReplicationSizeBytes",
            "maximumReplicationSizeBytes", "successfulReplicationCycles", "missedReplicationCycles",
            "replicationErrors"};
        terminal.out().println(v.name() + " (" + v.id() + ")");
        for (String k : shown) {
            terminal.out().printf("  %-34s %s%n", k, m.get(k) == null ? "-" : m.get(k));
        }
        r.healthIssues().forEach(i -> terminal.out().println("  health issue: " + i));
        return 0;
    }
}
