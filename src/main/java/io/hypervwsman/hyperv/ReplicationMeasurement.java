package io.hypervwsman.hyperv;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What Measure-VMReplication shows for one VM: the relationship's state and health, and the statistics of the current
 * monitoring interval from GetReplicationStatistics(Ex) (an embedded Msvm_ReplicationStatistics).
 *
 * @param relationship    the primary relationship (state, health, last replication time)
 * @param successCount    ReplicationSuccessCount
 * @param missCount       ReplicationMissCount
 * @param totalSize       ReplicationSize, bytes, read as the total of the interval (unverified: see averageSize)
 * @param maximumSize     MaxReplicationSize, bytes
 * @param latency         ReplicationLatency, read as the total of the interval in seconds (unverified)
 * @param maximumLatency  MaxReplicationLatency, seconds
 * @param errors          NetworkFailureCount + ReplicationFailureCount
 * @param pendingSize     PendingReplicationSize, bytes
 * @param healthIssues    the Message of each Msvm_Error in ReplicationHealthIssues
 * @param statistics      every property of the embedded Msvm_ReplicationStatistics as sent (text; null when null)
 * @param method          the method that answered: GetReplicationStatisticsEx or GetReplicationStatistics
 */
public record ReplicationMeasurement(Relationship relationship, long successCount, long missCount, long totalSize,
                                     long maximumSize, long latency, long maximumLatency, long errors,
                                     long pendingSize, List<String> healthIssues, Map<String, String> statistics,
                                     String method) {

    /** Average size of one successful replication cycle (total / count), or 0 without any. */
    public long averageSize() {
        return successCount == 0 ? 0 : totalSize / successCount;
    }

    /** Average latency of one successful cycle in seconds (total / count), or 0 without any. */
    public long averageLatency() {
        return successCount == 0 ? 0 : latency / successCount;
    }

    /** LastReplicationTime of the relationship, if any. */
    public Instant lastReplicationTime() {
        return relationship.lastReplicationTime();
    }
}
