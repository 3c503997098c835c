package io.hypervwsman.hyperv;

/** Msvm_ReplicationRelationship.ReplicationState, with the documented names and what PowerShell shows. */
public enum ReplicationState {
    DISABLED(0, "Disabled"),
    READY_FOR_REPLICATION(1, "Ready for replication"),
    WAITING_TO_COMPLETE_INITIAL_REPLICATION(2, "Waiting to complete initial replication"),
    REPLICATING(3, "Replicating"),
    SYNCED_REPLICATION_COMPLETE(4, "Synced replication complete"),
    RECOVERED(5, "Recovered"),
    COMMITTED(6, "Committed"),
    SUSPENDED(7, "Suspended"),
    CRITICAL(8, "Critical"),
    WAITING_TO_START_RESYNCHRONIZATION(9, "Waiting to start resynchronization"),
    RESYNCHRONIZING(10, "Resynchronizing"),
    RESYNCHRONIZATION_SUSPENDED(11, "Resynchronization suspended"),
    FAILOVER_IN_PROGRESS(12, "Failover in progress"),
    FAILBACK_IN_PROGRESS(13, "Failback in progress"),
    FAILBACK_COMPLETE(14, "Failback complete"),
    DISK_UPDATE_IN_PROGRESS(15, "Disk update in progress"),
    DISK_UPDATE_CRITICAL(16, "Disk update critical"),
    UNKNOWN(17, "Unknown"),
    REPURPOSE_REPLICATION_IN_PROGRESS(18, "Repurpose replication in progress"),
    PREPARED_FOR_SYNC_REPLICATION(19, "Prepared for sync replication"),
    PREPARED_FOR_GROUP_REVERSE_REPLICATION(20, "Prepared for group reverse replication"),
    FIREDRILL_IN_PROGRESS(21, "Firedrill in progress");

    private final int value;
    private final String displayName;

    ReplicationState(int value, String displayName) {
        this.value = value;
        this.displayName = displayName;
    }

    public int value() {
        return value;
    }

    public String displayName() {
        return displayName;
    }

    /** The state for a WMI value; values this build does not know map to UNKNOWN. */
    public static ReplicationState of(long value) {
        for (ReplicationState s : values()) {
            if (s.value == value) {
                return s;
            }
        }
        return UNKNOWN;
    }

    /** The name Get-VMReplication shows for this state in the given mode (VMReplicationBase mapping). */
    public String powerShellName(ReplicationMode mode) {
        boolean primary = mode == ReplicationMode.PRIMARY;
        switch (this) {
            case READY_FOR_REPLICATION:
                return primary || mode == ReplicationMode.EXTENDED_REPLICA ? "ReadyForInitialReplication" : "Disabled";
            case WAITING_TO_COMPLETE_INITIAL_REPLICATION:
                return primary || mode == ReplicationMode.EXTENDED_REPLICA ? "InitialReplicationInProgress"
                        : "WaitingForInitialReplication";
            case REPLICATING:
                return "Replicating";
            case SYNCED_REPLICATION_COMPLETE:
                return primary ? "PreparedForFailover" : "Disabled";
            case RECOVERED:
                return primary ? "Disabled" : "FailedOverWaitingCompletion";
            case COMMITTED:
                return primary ? "Disabled" : "FailedOver";
            case SUSPENDED:
                return "Suspended";
            case CRITICAL:
                return "Error";
            case WAITING_TO_START_RESYNCHRONIZATION:
                return "WaitingForStartResynchronize";
            case RESYNCHRONIZING:
                return "Resynchronizing";
            case RESYNCHRONIZATION_SUSPENDED:
                return "ResynchronizeSuspended";
            case FAILOVER_IN_PROGRESS:
                return "RecoveryInProgress";
            case FAILBACK_IN_PROGRESS:
                return primary ? "Disabled" : "FailbackInProgress";
            case FAILBACK_COMPLETE:
                return primary ? "Disabled" : "FailbackComplete";
            case DISK_UPDATE_IN_PROGRESS:
                return "WaitingForUpdateCompletion";
            case DISK_UPDATE_CRITICAL:
                return "UpdateError";
            case REPURPOSE_REPLICATION_IN_PROGRESS:
                return "WaitingForRepurposeCompletion";
            case PREPARED_FOR_SYNC_REPLICATION:
                return primary ? "PreparedForSyncReplication" : "Disabled";
            case PREPARED_FOR_GROUP_REVERSE_REPLICATION:
                return primary ? "PreparedForGroupReverseReplication" : "Disabled";
            case FIREDRILL_IN_PROGRESS:
                return primary ? "Disabled" : "FiredrillInProgress";
            default:
                return "Disabled";
        }
    }
}
