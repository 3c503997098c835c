package io.hypervwsman.hyperv;

import io.hypervwsman.wsman.CimInstance;
import io.hypervwsman.wsman.EndpointReference;
import io.hypervwsman.wsman.SelectorSet;

/**
 * A VM as read from Msvm_ComputerSystem.
 *
 * @param id               the VM GUID (Name)
 * @param name             the display name (ElementName)
 * @param enabledState     power state: 2 running, 3 off, 6 saved, 9 paused, ...
 * @param replicationMode  which side of Replica it is
 */
public record VirtualMachine(String id, String name, long enabledState, ReplicationMode replicationMode) {

    static VirtualMachine from(CimInstance cs) {
        return new VirtualMachine(cs.string("Name").orElse(""), cs.string("ElementName").orElse(""),
                cs.number("EnabledState").orElse(0L), ReplicationMode.of(cs.number("ReplicationMode").orElse(0L)));
    }

    /** The reference a method argument (e.g. RevertFailover's ComputerSystem) needs. */
    public EndpointReference reference() {
        return EndpointReference.of(HyperVResources.COMPUTER_SYSTEM,
                SelectorSet.of("CreationClassName", "Msvm_ComputerSystem", "Name", id));
    }

    /** Running or paused: what Stop-VMFailover turns off before reverting. */
    public boolean isRunningOrPaused() {
        return enabledState == 2 || enabledState == 9;
    }

    /** The power state as Hyper-V Manager names it. */
    public String powerState() {
        switch ((int) enabledState) {
            case 2: return "Running";
            case 3: return "Off";
            case 4: return "ShuttingDown";
            case 6: return "Saved";
            case 9: return "Paused";
            case 10: return "Starting";
            default: return "State" + enabledState;
        }
    }
}
