package io.hypervwsman.plan;

import java.util.List;

/** A group of a plan with its VMs resolved, in the order the plan runs them. */
public record PlannedGroup(Group group, List<PlannedVm> vms) {

    public PlannedGroup {
        vms = List.copyOf(vms);
    }

    public String name() {
        return group.name();
    }
}
