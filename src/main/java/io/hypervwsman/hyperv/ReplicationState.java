package io.hypervwsman.hyperv;

/**
 * Msvm_ReplicationRelationship.ReplicationState. Every message, table and JSON names a state one way: the name
 * Get-VMReplication shows ({@link #powerShellName}), with the WMI number in parentheses where the name alone could
 * mislead ({@link #describe}: PowerShell shows several states of a primary as "Disabled").
 */
public enum ReplicationState {
    DISABLED(0),
    READY_FOR_REPLICATION(1),
    WAITING_TO_COMPLETE_INITIAL_REPLICATION(2),
    REPLICATING(3),
    SYNCED_REPLICATION_COMPLETE(4),
    RECOVERED(5),
    COMMITTED(6),
    SUSPENDED(7),
    CRITICAL(8),
    WAITING_TO_START_RESYNCHRONIZATION(9),
    RESYNCHRONIZING(10),
    RESYNCHRONIZATION_SUSPENDED(11),
    FAILOVER_IN_PROGRESS(12),
    FAILBACK_IN_PROGRESS(13),
    FAILBACK_COMPLETE(14),
    DISK_UPDATE_IN_PROGRESS(15),
    DISK_UPDATE_CRITICAL(16),
    UNKNOWN(17),
    REPURPOSE_REPLICATION_IN_PROGRESS(18),
    PREPARED_FOR_SYNC_REPLICATION(19),
    PREPARED_FOR_GROUP_REVERSE_REPLICATION(20),
    FIREDRILL_IN_PROGRESS(21);

    private final int value;

    ReplicationState(int value) {
        this.value = value;
    }

    /** The WMI number. */
    public int value() {
        return value;
    }

    /** The PowerShell name with the WMI number, e.g. "FailedOverWaitingCompletion (5)": what messages say. */
    public String describe(ReplicationMode mode) {
        return powerShellName(mode) + " (" + value + ")";
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
