package io.hypervwsman.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a plan's VM selectors into the VMs they name on their hosts, refusing anything ambiguous. */
public final class PlanResolution {

    private PlanResolution() {
    }

    /**
     * The plan's groups with their VMs. Refused: a selector that names nothing, a name that several VMs
     * share (use the GUID), a VM that two entries select.
     */
    public static List<PlannedGroup> resolve(Plan plan, VmInventory inventory) throws InterruptedException {
        Map<String, List<VmInventory.VmIdentity>> byHost = new HashMap<>();
        Map<String, String> selectedBy = new HashMap<>();
        List<String> problems = new ArrayList<>();
        List<PlannedGroup> groups = new ArrayList<>();
        for (Group g : plan.groups()) {
            Map<String, PlannedVm> vms = new LinkedHashMap<>();
            for (VmEntry e : g.vms()) {
                String host = e.host() != null ? e.host() : g.host();
                List<VmInventory.VmIdentity> all = byHost.containsKey(host) ? byHost.get(host) : inventory.vms(host);
                byHost.put(host, all);
                List<VmInventory.VmIdentity> hits = all.stream().filter(v -> e.vm().matches(v.id(), v.name())).toList();
                String where = "group '" + g.name() + "': '" + e.vm() + "' on " + host;
                if (hits.isEmpty()) {
                    problems.add(where + " names no VM");
                } else if (hits.size() > 1 && !e.vm().isPattern()) {
                    problems.add(where + " names " + hits.size() + " VMs; use their GUIDs");
                }
                for (VmInventory.VmIdentity v : hits) {
                    PlannedVm vm = new PlannedVm(g.name(), host, v.id(), v.name(),
                            e.action() != null ? e.action() : g.action(), g.options().overriddenBy(e.options()));
                    String other = selectedBy.putIfAbsent(vm.key(), where);
                    if (other != null) {
                        problems.add(where + " selects " + v.name() + " again (" + other + ")");
                    }
                    vms.put(vm.key(), vm);
                }
            }
            groups.add(new PlannedGroup(g, new ArrayList<>(vms.values())));
        }
        if (!problems.isEmpty()) {
            throw new PlanException(String.join("; ", problems), 0, 0);
        }
        return groups;
    }
}
