package io.hypervwsman.cli;

import io.hypervwsman.hyperv.Relationship;
import io.hypervwsman.hyperv.VirtualMachine;
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
        subcommands = ReplicationCommand.Status.class)
final class ReplicationCommand {

    /** {@code replication status [--vm X]}. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Mode, state, health and last replication time of one VM or of all replicated VMs.")
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
        int run(ConnectionMixin.Session session, boolean json) {
            List<VirtualMachine> targets = vm != null ? List.of(session.host().vms().resolve(VmRef.of(vm)))
                    : session.host().vms().list();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (VirtualMachine v : targets) {
                if (vm == null && v.replicationMode().value() == 0) {
                    continue;
                }
                Optional<Relationship> rel = session.host().vms().primaryRelationship(v);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", v.name());
                m.put("id", v.id());
                m.put("mode", v.replicationMode().displayName());
                m.put("state", rel.map(r -> r.state().powerShellName(v.replicationMode())).orElse("Disabled"));
                m.put("wmiState", rel.map(r -> r.state().value()).orElse(null));
                m.put("health", rel.map(Relationship::healthName).orElse("NotApplicable"));
                m.put("lastReplicationTime", rel.map(Relationship::lastReplicationTime).map(Object::toString)
                        .orElse(null));
                rows.add(m);
            }
            if (json) {
                terminal.out().println(OutcomeReport.writeList(rows));
                return 0;
            }
            terminal.out().printf("%-30s  %-16s  %-28s  %-13s  %s%n", "NAME", "MODE", "STATE", "HEALTH",
                    "LAST REPLICATION");
            for (Map<String, Object> m : rows) {
                terminal.out().printf("%-30s  %-16s  %-28s  %-13s  %s%n", m.get("name"), m.get("mode"), m.get("state"),
                        m.get("health"), m.get("lastReplicationTime") == null ? "-" : m.get("lastReplicationTime"));
            }
            return 0;
        }
    }
}
