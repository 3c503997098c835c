package io.hypervwsman.cli;

import io.hypervwsman.hyperv.Relationship;
import io.hypervwsman.hyperv.ReplicationSettings;
import io.hypervwsman.hyperv.VirtualMachine;
import io.hypervwsman.hyperv.VirtualMachines;
import io.hypervwsman.hyperv.VmRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Replication status: mode, state and health by the names PowerShell's Get-VMReplication shows. */
@Command(name = "replication", mixinStandardHelpOptions = true, description = "Replication status.",
        subcommands = {ReplicationCommand.Status.class, ReplicationCheckCommand.class})
final class ReplicationCommand {

    /** {@code replication status [--vm X]}. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Mode, state, health, last replication time and primary/replica servers of one VM or of all"
                    + " replicated VMs.")
    static final class Status extends HostCommand {
        @Option(names = "--vm", paramLabel = "NAME|GUID", description = "Only this VM.")
        String vm;

        @Override
        String operation() {
            return "ReplicationStatus";
        }

        @Override
        String vmGiven() {
            return vm;
        }

        @Override
        String resultKey() {
            return "vms";
        }

        @Override
        int run(ConnectionMixin.Session session, boolean json) {
            VirtualMachines vms = session.host().vms();
            List<VirtualMachine> targets = vm != null ? List.of(vms.resolve(VmRef.of(vm))) : vms.list();
            // One VM: ask about it. All of them: two enumerations for the whole host, not two queries per VM.
            Map<String, Relationship> relationships = vm != null ? null : vms.primaryRelationshipsByVm();
            Map<String, ReplicationSettings> allSettings = vm != null ? null : allSettings(vms);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (VirtualMachine v : targets) {
                if (vm == null && v.replicationMode().value() == 0) {
                    continue;
                }
                String key = v.id().toUpperCase(java.util.Locale.ROOT);
                Optional<Relationship> rel = relationships != null ? Optional.ofNullable(relationships.get(key))
                        : vms.primaryRelationship(v);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", v.name());
                m.put("id", v.id());
                m.put("mode", v.replicationMode().displayName());
                m.put("state", rel.map(r -> r.state().powerShellName(v.replicationMode())).orElse("Disabled"));
                m.put("wmiState", rel.map(r -> r.state().value()).orElse(null));
                m.put("health", rel.map(Relationship::healthName).orElse("NotApplicable"));
                m.put("lastReplicationTime", rel.map(Relationship::lastReplicationTime).map(Object::toString)
                        .orElse(null));
                Optional<ReplicationSettings> settings = rel.isEmpty() ? Optional.empty()
                        : allSettings != null ? Optional.ofNullable(allSettings.get(key)) : settings(vms, v);
                m.put("primaryServer", settings.flatMap(ReplicationSettings::primaryServer).orElse(null));
                m.put("replicaServer", settings.flatMap(ReplicationSettings::recoveryServer).orElse(null));
                m.put("replicaPort", settings.flatMap(ReplicationSettings::recoveryPort).orElse(null));
                rows.add(m);
            }
            if (json) {
                report.result("vms", rows);
                return 0;
            }
            // Formatted into a String first, as VmsCommand does (printf pads into the stream a blank at a time).
            terminal.out().print(String.format(ROW, "NAME", "MODE", "STATE", "HEALTH",
                    "LAST REPLICATION", "PRIMARY -> REPLICA"));
            for (Map<String, Object> m : rows) {
                String servers = m.get("primaryServer") == null && m.get("replicaServer") == null ? "-"
                        : orDash(m.get("primaryServer")) + " -> " + orDash(m.get("replicaServer"))
                        + (m.get("replicaPort") == null ? "" : ":" + m.get("replicaPort"));
                // The same words as the dry run and the refusals: the PowerShell name and the WMI number.
                String state = m.get("wmiState") == null ? m.get("state").toString()
                        : m.get("state") + " (" + m.get("wmiState") + ")";
                terminal.out().print(String.format(ROW, m.get("name"), m.get("mode"),
                        state, m.get("health"), orDash(m.get("lastReplicationTime")), servers));
            }
            return 0;
        }

        private static final String ROW = "%-30s  %-16s  %-34s  %-13s  %-27s  %s%n";

        private static String orDash(Object o) {
            return o == null ? "-" : o.toString();
        }

        /**
         * The VM's replication settings, if the host gives them. A VM without settings, or a host that refuses or
         * garbles that query, only leaves the server columns empty: the status itself comes from the relationship.
         */
        private static Optional<ReplicationSettings> settings(VirtualMachines vms, VirtualMachine v) {
            try {
                return Optional.of(vms.replicationSettings(v));
            } catch (io.hypervwsman.OperationFailedException | io.hypervwsman.wsman.WsManFaultException
                     | io.hypervwsman.wsman.ProtocolException e) {
                org.slf4j.LoggerFactory.getLogger(Status.class).debug("no replication settings for {}: {}", v.name(),
                        e.getMessage());
                return Optional.empty();
            }
        }

        /** As above, for the whole host at once. */
        private static Map<String, ReplicationSettings> allSettings(VirtualMachines vms) {
            try {
                return vms.replicationSettingsByVm();
            } catch (io.hypervwsman.wsman.WsManFaultException | io.hypervwsman.wsman.ProtocolException e) {
                org.slf4j.LoggerFactory.getLogger(Status.class).debug("no replication settings: {}", e.getMessage());
                return Map.of();
            }
        }
    }
}
