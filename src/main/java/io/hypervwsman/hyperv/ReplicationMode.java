package io.hypervwsman.hyperv;

/** Msvm_ComputerSystem.ReplicationMode: which side of a Replica relationship a VM is. */
public enum ReplicationMode {
    NONE(0, "None"), PRIMARY(1, "Primary"), REPLICA(2, "Replica"), TEST_REPLICA(3, "TestReplica"),
    EXTENDED_REPLICA(4, "ExtendedReplica");

    private final int value;
    private final String displayName;

    ReplicationMode(int value, String displayName) {
        this.value = value;
        this.displayName = displayName;
    }

    public int value() {
        return value;
    }

    /** The name PowerShell shows (Get-VMReplication's Mode). */
    public String displayName() {
        return displayName;
    }

    public static ReplicationMode of(long value) {
        for (ReplicationMode m : values()) {
            if (m.value == value) {
                return m;
            }
        }
        return NONE;
    }

    /** A replica side (simple or extended): where failover, revert and commit run. */
    public boolean isReplica() {
        return this == REPLICA || this == EXTENDED_REPLICA;
    }
}
