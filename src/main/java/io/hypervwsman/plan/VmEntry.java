package io.hypervwsman.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One line of a group's {@code vms}: a bare name, GUID or pattern, or an object that also overrides the
 * group's host, action or options for the VMs it selects.
 */
public record VmEntry(VmSelector vm, String host, PlanAction action, VmOptions options) {

    @JsonCreator
    public VmEntry(@JsonProperty(value = "vm", required = true) VmSelector vm, @JsonProperty("host") String host,
                   @JsonProperty("action") PlanAction action, @JsonProperty("options") VmOptions options) {
        this.vm = vm;
        this.host = host;
        this.action = action;
        this.options = options == null ? VmOptions.NONE : options;
    }

    /** A bare {@code - web-*} line. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static VmEntry of(String selector) {
        return new VmEntry(new VmSelector(selector), null, null, null);
    }
}
