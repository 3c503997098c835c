package io.hypervwsman.plan;

import java.time.Duration;

/**
 * How one VM's action runs; a VM's own options override its group's, field by field (null = not set).
 *
 * @param recoveryPoint    "latest" or a recovery point's name or InstanceID
 * @param network          failover IP settings
 * @param start            start the VM after failing over
 * @param waitForHeartbeat how long to wait for the guest's heartbeat after the start; null = do not wait
 */
public record VmOptions(String recoveryPoint, FailoverNetwork network, Boolean start, Duration waitForHeartbeat) {

    /** Nothing set. */
    public static final VmOptions NONE = new VmOptions(null, null, null, null);

    /** These options with every field that {@code over} sets taken from it. */
    public VmOptions overriddenBy(VmOptions over) {
        if (over == null) {
            return this;
        }
        return new VmOptions(over.recoveryPoint != null ? over.recoveryPoint : recoveryPoint,
                over.network != null ? over.network : network,
                over.start != null ? over.start : start,
                over.waitForHeartbeat != null ? over.waitForHeartbeat : waitForHeartbeat);
    }

    /** The recovery point to use: the one set, or "latest". */
    public String recoveryPointOrLatest() {
        return recoveryPoint == null ? "latest" : recoveryPoint;
    }

    /** Whether to start after failing over (default: yes). */
    public boolean startAfterFailover() {
        return start == null || start;
    }
}
