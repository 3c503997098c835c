package io.hypervwsman.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A recovery plan as its file states it: hosts, ordered groups of VMs with their action, options and steps,
 * concurrency limits and the failure policy. Read one with {@link PlanFile}.
 *
 * @param name       the plan's name, shown in the journal and report
 * @param rpo        the oldest last replication a VM may have for the plan to run (a pre-check); null = no bound
 * @param hosts      the hosts by the names the groups use
 * @param concurrency limits on VMs in flight
 * @param onFailure  what a failure does to the rest of the plan
 * @param groups     the groups, in the order they run
 */
public record Plan(String name, Duration rpo, Map<String, HostSpec> hosts, Concurrency concurrency,
                   FailurePolicy onFailure, List<Group> groups) {

    @JsonCreator
    public Plan(@JsonProperty(value = "name", required = true) String name, @JsonProperty("rpo") Duration rpo,
                @JsonProperty(value = "hosts", required = true) Map<String, HostSpec> hosts,
                @JsonProperty("concurrency") Concurrency concurrency,
                @JsonProperty("onFailure") FailurePolicy onFailure,
                @JsonProperty(value = "groups", required = true) List<Group> groups) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the plan needs a name");
        }
        if (hosts == null || hosts.isEmpty()) {
            throw new IllegalArgumentException("the plan needs at least one host");
        }
        if (groups == null || groups.isEmpty()) {
            throw new IllegalArgumentException("the plan needs at least one group");
        }
        this.name = name;
        this.rpo = rpo;
        this.hosts = Collections.unmodifiableMap(new LinkedHashMap<>(hosts));
        this.concurrency = concurrency == null ? Concurrency.DEFAULT : concurrency;
        this.onFailure = onFailure == null ? FailurePolicy.STOP : onFailure;
        this.groups = List.copyOf(groups);
    }

    /**
     * What is wrong across the plan's parts (unique group names, known hosts, an action and a host for
     * every VM), one sentence each naming the group; empty when the plan is consistent.
     */
    public List<String> inconsistencies() {
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            String where = "groups[" + g + "] '" + group.name() + "'";
            if (!names.add(group.name())) {
                problems.add(where + ": another group has the same name");
            }
            for (VmEntry vm : group.vms()) {
                String host = vm.host() != null ? vm.host() : group.host();
                if (host == null) {
                    problems.add(where + ": VM '" + vm.vm() + "' has no host (set 'host' on the group or the VM)");
                } else if (!hosts.containsKey(host)) {
                    problems.add(where + ": host '" + host + "' is not among the plan's hosts " + hosts.keySet());
                }
                if (vm.action() == null && group.action() == null) {
                    problems.add(where + ": VM '" + vm.vm() + "' has no action (set 'action' on the group or the VM)");
                }
            }
        }
        return problems;
    }
}
