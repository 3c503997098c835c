package io.hypervwsman.hyperv;

import java.util.List;
import java.util.Map;

/**
 * A VM guest's heartbeat as its Msvm_HeartbeatComponent reports it. OperationalStatus[0] is the service's state:
 * 2 OK, 3 Degraded (working, on a compatible older protocol), 7 Non-Recoverable Error (no compatible protocol),
 * 12 No Contact (not installed or not contacted yet), 13 Lost Communication, 15 Paused; OperationalStatus[1] is
 * the guest applications' coalesced state: 2 OK, 32775 Protocol Mismatch, 32782 Application Critical State,
 * 32783 Communication Timed Out, 32784 Communication Failed (Microsoft's Msvm_HeartbeatComponent page). A VM
 * that is not running has no component at all ({@link #NONE}).
 *
 * @param operationalStatus the component's OperationalStatus, empty when there is no component
 */
public record Heartbeat(List<Long> operationalStatus) {

    /** No Msvm_HeartbeatComponent: the VM is not running (or has no heartbeat integration service). */
    public static final Heartbeat NONE = new Heartbeat(List.of());

    private static final Map<Long, String> SERVICE = Map.of(2L, "OK", 3L, "Degraded", 7L, "Non-Recoverable Error",
            12L, "No Contact", 13L, "Lost Communication", 15L, "Paused");
    private static final Map<Long, String> APPLICATIONS = Map.of(2L, "OK", 32775L, "Protocol Mismatch",
            32782L, "Application Critical State", 32783L, "Communication Timed Out", 32784L, "Communication Failed");

    public Heartbeat {
        operationalStatus = List.copyOf(operationalStatus);
    }

    /** Whether the guest answers: OK or Degraded, which the documentation calls "operating normally" both. */
    public boolean ok() {
        return !operationalStatus.isEmpty() && (operationalStatus.get(0) == 2 || operationalStatus.get(0) == 3);
    }

    /** As Hyper-V Manager words it, e.g. "OK (applications: Application Critical State)", or "none". */
    public String describe() {
        if (operationalStatus.isEmpty()) {
            return "no heartbeat (the VM is not running)";
        }
        long service = operationalStatus.get(0);
        String s = SERVICE.getOrDefault(service, "status " + service);
        if (operationalStatus.size() > 1) {
            long apps = operationalStatus.get(1);
            s += " (applications: " + APPLICATIONS.getOrDefault(apps, "status " + apps) + ")";
        }
        return s;
    }
}
