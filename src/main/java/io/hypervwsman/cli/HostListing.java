package io.hypervwsman.cli;

import io.hypervwsman.hyperv.Relationship;
import io.hypervwsman.hyperv.ReplicationMode;
import io.hypervwsman.hyperv.VirtualMachine;
import io.hypervwsman.hyperv.VirtualMachines;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One plan host as read at one moment: its VMs and their primary replication relationships, in two enumerations,
 * shared by every VM of the host that a plan resolves or checks (instead of listing the host once per VM).
 * A snapshot: what must be read immediately before an Invoke is read per VM by the engine, never from here.
 *
 * @param vms           every VM on the host, test-failover VMs included
 * @param relationships each replicated VM's primary relationship, by VM GUID in upper case
 */
record HostListing(List<VirtualMachine> vms, Map<String, Relationship> relationships) {

    HostListing {
        vms = List.copyOf(vms);
        relationships = Map.copyOf(relationships);
    }

    static HostListing read(VirtualMachines vms) {
        return new HostListing(vms.list(), vms.primaryRelationshipsByVm());
    }

    /** The plan VM with GUID {@code id} (a test-failover VM has its own GUID and is never one). */
    Optional<VirtualMachine> vm(String id) {
        return vms.stream().filter(v -> v.id().equalsIgnoreCase(id) && v.replicationMode()
                != ReplicationMode.TEST_REPLICA).findFirst();
    }

    /** The primary relationship of the VM with GUID {@code id}, if it is replicated. */
    Optional<Relationship> primaryRelationship(String id) {
        return Optional.ofNullable(relationships.get(id.toUpperCase(Locale.ROOT)));
    }
}
