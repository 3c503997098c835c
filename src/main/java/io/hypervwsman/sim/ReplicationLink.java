package io.hypervwsman.sim;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One Msvm_ReplicationRelationship ({@code Microsoft:<VM id>\HVR\<index>}). Guarded by the host's lock. */
final class ReplicationLink {
    static final String CLASS = "Msvm_ReplicationRelationship";

    final VirtualMachine vm;
    final int index;
    int state;
    int health;
    int failedOverReplicationType;
    int lastReplicationType;
    Instant lastReplicationTime;
    Instant lastApplicationConsistentReplicationTime;

    ReplicationLink(VirtualMachine vm, int index, Scenario.Relationship r) {
        this.vm = vm;
        this.index = index;
        this.state = r.state();
        this.health = r.health();
        this.failedOverReplicationType = r.failedOverReplicationType();
        this.lastReplicationType = r.lastReplicationType();
        this.lastReplicationTime = Scenario.parseInstant(r.lastReplicationTime(), "lastReplicationTime");
        this.lastApplicationConsistentReplicationTime = Scenario.parseInstant(
                r.lastApplicationConsistentReplicationTime(), "lastApplicationConsistentReplicationTime");
    }

    String instanceId() {
        return "Microsoft:" + vm.id + "\\HVR\\" + index;
    }

    InstanceSnapshot snapshot() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("Caption", index == 0 ? "Replication Relationship" : "Extended Replication Relationship");
        p.put("CommunicationStatus", null);
        p.put("Description", "Replication relationship of the virtual machine");
        p.put("DetailedStatus", null);
        p.put("ElementName", vm.name);
        p.put("FailedOverReplicationType", failedOverReplicationType);
        p.put("HealthState", 5);
        p.put("InstallDate", null);
        p.put("InstanceID", instanceId());
        p.put("LastApplicationConsistentReplicationTime", lastApplicationConsistentReplicationTime);
        p.put("LastApplyTime", lastReplicationTime);
        p.put("LastReplicationTime", lastReplicationTime);
        p.put("LastReplicationType", lastReplicationType);
        p.put("Name", null);
        p.put("OperatingStatus", null);
        p.put("OperationalStatus", List.of(2));
        p.put("PrimaryStatus", null);
        p.put("ReplicationHealth", health);
        p.put("ReplicationState", state);
        p.put("Status", "OK");
        p.put("StatusDescriptions", List.of("OK"));
        return InstanceSnapshot.of(CLASS, p, List.of("InstanceID"));
    }
}
