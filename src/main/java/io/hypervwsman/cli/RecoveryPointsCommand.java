package io.hypervwsman.cli;

import io.hypervwsman.hyperv.RecoveryPoint;
import io.hypervwsman.hyperv.VirtualMachine;
import io.hypervwsman.hyperv.VmRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Lists a replica VM's recovery points, newest first, as Get-VMSnapshot -SnapshotType Replica does. */
@Command(name = "recovery-points", mixinStandardHelpOptions = true,
        description = "List a replica VM's recovery points (name, id, creation time, type), newest first.")
final class RecoveryPointsCommand extends OneVmCommand {
    private static final String TYPE_PREFIX = "Microsoft:Hyper-V:Snapshot:";

    @Option(names = "--all", description = "Every snapshot of the VM, not only recovery points (Replica types).")
    boolean all;

    @Override
    String operation() {
        return "RecoveryPoints";
    }

    @Override
    int run(ConnectionMixin.Session session, boolean json) {
        VirtualMachine v = session.host().vms().resolve(VmRef.of(vm));
        List<RecoveryPoint> points = session.host().vms().recoveryPoints(v).stream()
                .filter(p -> all || isRecoveryPoint(p)).collect(Collectors.toList());
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("host", session.label());
            m.put("vm", Map.of("name", v.name(), "id", v.id()));
            m.put("count", points.size());
            m.put("recoveryPoints", points.stream().map(RecoveryPointsCommand::row).collect(Collectors.toList()));
            terminal.out().println(OutcomeReport.write(m));
            return 0;
        }
        terminal.out().printf("%-22s  %-62s  %-20s  %s%n", "CREATED", "NAME", "TYPE", "ID");
        for (RecoveryPoint p : points) {
            terminal.out().printf("%-22s  %-62s  %-20s  %s%n", p.created() == null ? "-" : p.created(), p.name(),
                    typeName(p.type()), p.instanceId());
        }
        if (points.isEmpty()) {
            terminal.err().println(v.name() + " has no " + (all ? "snapshots" : "recovery points") + " on "
                    + session.label());
        }
        return 0;
    }

    private static Map<String, Object> row(RecoveryPoint p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("id", p.instanceId());
        m.put("created", p.created() == null ? null : p.created().toString());
        m.put("type", typeName(p.type()));
        m.put("virtualSystemType", p.type());
        return m;
    }

    /** Replica, AppConsistentReplica and SyncedReplica snapshots are recovery points. */
    static boolean isRecoveryPoint(RecoveryPoint p) {
        return typeName(p.type()).toLowerCase(Locale.ROOT).endsWith("replica");
    }

    /** The SnapshotType name PowerShell shows for a VirtualSystemType (Realized is a standard checkpoint). */
    static String typeName(String virtualSystemType) {
        if (virtualSystemType == null || !virtualSystemType.startsWith(TYPE_PREFIX)) {
            return virtualSystemType == null || virtualSystemType.isEmpty() ? "Unknown" : virtualSystemType;
        }
        String t = virtualSystemType.substring(TYPE_PREFIX.length());
        return "Realized".equals(t) ? "Standard" : t;
    }
}
