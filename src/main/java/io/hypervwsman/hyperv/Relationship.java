package io.hypervwsman.hyperv;

import io.hypervwsman.wsman.CimInstance;
import java.time.Instant;

/** A VM's Msvm_ReplicationRelationship ({@code \HVR\0} primary, {@code \HVR\1} extended). */
public record Relationship(String instanceId, ReplicationState state, long health, Instant lastReplicationTime,
                           long failedOverReplicationType) {
    /** FailedOverReplicationType 3: the failover was planned (prepared on the primary). */
    public static final long PLANNED_FAILOVER = 3;


    static Relationship from(CimInstance r) {
        return new Relationship(r.string("InstanceID").orElse(""),
                ReplicationState.of(r.number("ReplicationState").orElse(17L)), r.number("ReplicationHealth").orElse(0L),
                r.datetime("LastReplicationTime").orElse(null),
                r.number("FailedOverReplicationType").orElse(0L));
    }

    /** The health as PowerShell names it. */
    public String healthName() {
        switch ((int) health) {
            case 1: return "Normal";
            case 2: return "Warning";
            case 3: return "Critical";
            default: return "NotApplicable";
        }
    }

    public boolean isPrimaryRelationship() {
        return instanceId.endsWith("\\HVR\\0") || instanceId.endsWith("\\\\HVR\\\\0");
    }
}
