package io.hypervwsman.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A stage of a plan: its VMs run in parallel (within the plan's limits) once the previous group is done.
 *
 * @param name    how the journal, report and operator name it
 * @param host    the default host of its VMs (a key of the plan's {@code hosts})
 * @param action  the default action of its VMs
 * @param options the default options of its VMs
 * @param vms     which VMs
 * @param pre     steps before any of its VMs starts
 * @param post    steps after all of its VMs are done
 */
public record Group(String name, String host, PlanAction action, VmOptions options, List<VmEntry> vms,
                    List<Step> pre, List<Step> post) {

    @JsonCreator
    public Group(@JsonProperty(value = "name", required = true) String name, @JsonProperty("host") String host,
                 @JsonProperty("action") PlanAction action, @JsonProperty("options") VmOptions options,
                 @JsonProperty(value = "vms", required = true) List<VmEntry> vms,
                 @JsonProperty("pre") List<Step> pre, @JsonProperty("post") List<Step> post) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a group needs a name");
        }
        if (vms == null || vms.isEmpty()) {
            throw new IllegalArgumentException("group '" + name + "' has no VMs");
        }
        this.name = name;
        this.host = host;
        this.action = action;
        this.options = options == null ? VmOptions.NONE : options;
        this.vms = List.copyOf(vms);
        this.pre = pre == null ? List.of() : List.copyOf(pre);
        this.post = post == null ? List.of() : List.copyOf(post);
    }
}
