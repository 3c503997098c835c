package io.hypervwsman.plan;

import java.util.List;

/** The seam that lists a host's VMs so that a plan's names, GUIDs and patterns can be resolved. */
public interface VmInventory {

    /** Every VM on {@code host} (a key of the plan's {@code hosts}). */
    List<VmIdentity> vms(String host) throws InterruptedException;

    /** A VM as its host identifies it. */
    record VmIdentity(String id, String name) {
    }
}
