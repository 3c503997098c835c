package io.hypervwsman.cli;

import io.hypervwsman.hyperv.VirtualMachine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/** Lists the host's VMs with their GUIDs, power state and replication mode. */
@Command(name = "vms", mixinStandardHelpOptions = true, description = "List the host's virtual machines.")
final class VmsCommand extends HostCommand {
    private static final String ROW = "%-36s  %-30s  %-10s  %s%n";

    @Override
    String operation() {
        return "ListVMs";
    }

    @Override
    String resultKey() {
        return "vms";
    }

    @Override
    int run(ConnectionMixin.Session session, boolean json) {
        List<VirtualMachine> vms = session.host().vms().list();
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (VirtualMachine vm : vms) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", vm.name());
                m.put("id", vm.id());
                m.put("state", vm.powerState());
                m.put("replicationMode", vm.replicationMode().displayName());
                rows.add(m);
            }
            report.result("vms", rows);
            return 0;
        }
        // Each line formatted into a String first: printf pads straight into the PrintStream, one locked write per
        // blank, which a one-shot command runs interpreted (BENCHMARKS.md, issue 16).
        terminal.out().print(String.format(ROW, "ID", "NAME", "STATE", "REPLICATION"));
        for (VirtualMachine vm : vms) {
            terminal.out().print(String.format(ROW, vm.id(), vm.name(), vm.powerState(),
                    vm.replicationMode().displayName()));
        }
        return 0;
    }
}
