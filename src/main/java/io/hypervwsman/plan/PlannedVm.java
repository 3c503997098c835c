package io.hypervwsman.plan;

/**
 * One VM of a plan once its selector has been resolved on its host: what the scheduler runs and the journal
 * names ({@link #key()}).
 *
 * @param group  the name of its group
 * @param host   the key of its host in the plan's {@code hosts}
 * @param vmId   its GUID on that host
 * @param name   its display name
 * @param action what to do to it
 * @param options its group's options overridden by its own
 */
public record PlannedVm(String group, String host, String vmId, String name, PlanAction action, VmOptions options) {

    /** How the journal identifies this VM: host and GUID, unique in a plan. */
    public String key() {
        return host + "/" + vmId;
    }
}
