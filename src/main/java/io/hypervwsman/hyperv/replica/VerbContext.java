package io.hypervwsman.hyperv.replica;

import io.hypervwsman.Hint;
import io.hypervwsman.OperationFailedException;
import io.hypervwsman.hyperv.HyperVResources;
import io.hypervwsman.hyperv.RecoveryPoint;
import io.hypervwsman.hyperv.VirtualMachine;
import io.hypervwsman.hyperv.VirtualMachines;
import io.hypervwsman.wsman.EndpointReference;
import io.hypervwsman.wsman.EnumerateOptions;
import io.hypervwsman.wsman.Enumeration;
import io.hypervwsman.wsman.MethodInput;
import io.hypervwsman.wsman.WsManClient;

/**
 * What a verb may read from the host while it prepares its Invoke: VMs, recovery points, settings and the
 * services methods are called on. Reads only; the engine alone invokes.
 */
public final class VerbContext {
    private final WsManClient client;
    private final String host;
    private final VirtualMachines vms;
    private final io.hypervwsman.hyperv.ReplicaQueries queries;
    private volatile EndpointReference replicationService;

    VerbContext(WsManClient client, String host, VirtualMachines vms, io.hypervwsman.hyperv.ReplicaQueries queries) {
        this.client = client;
        this.host = host;
        this.vms = vms;
        this.queries = queries;
    }

    /** What the read-only verbs read (failover IP settings, Replica server settings), for a verb to change. */
    public io.hypervwsman.hyperv.ReplicaQueries queries() {
        return queries;
    }

    /** The host as the caller named it. */
    public String host() {
        return host;
    }

    public VirtualMachines vms() {
        return vms;
    }

    /** Msvm_ReplicationService, found by enumeration once and reused verbatim. */
    public EndpointReference replicationService() {
        EndpointReference s = replicationService;
        if (s == null) {
            s = first("Msvm_ReplicationService", "the Hyper-V Replica service is not available on " + host,
                    Hint.of(Hint.Kind.CHECK_REPLICA_ROLE));
            replicationService = s;
        }
        return s;
    }

    /** Msvm_VirtualSystemManagementService ("vmms"). */
    public EndpointReference managementService() {
        return first("Msvm_VirtualSystemManagementService",
                "the virtual system management service is not available on " + host, null);
    }

    /** The instances a WQL query over root/virtualization/v2 returns, e.g. a VM's Msvm_ShutdownComponent. */
    public java.util.List<io.hypervwsman.wsman.CimInstance> query(String wql) {
        try (Enumeration<io.hypervwsman.wsman.CimInstance> found = client.enumerate(HyperVResources.ALL,
                EnumerateOptions.wql(wql))) {
            return found.stream().toList();
        }
    }

    private EndpointReference first(String cimClass, String missing, Hint hint) {
        try (Enumeration<EndpointReference> refs = client.enumerateReferences(HyperVResources.ALL,
                EnumerateOptions.wql("SELECT * FROM " + cimClass))) {
            return refs.stream().findFirst().orElseThrow(() -> new OperationFailedException(missing, hint));
        }
    }

    /**
     * A call on Msvm_ReplicationService with ComputerSystem first, then {@code rest}'s arguments. The service is
     * looked up here, before the Invoke, so that failing to find it is never mistaken for a lost Invoke.
     */
    public Invocation onReplicationService(VirtualMachine vm, MethodInput rest, String detail) {
        MethodInput input = MethodInput.create().addReference("ComputerSystem", vm.reference()).addAll(rest);
        return new Invocation(replicationService(), input, detail);
    }

    /** A replication-service call with SnapshotSettingData naming a recovery point, or none for the latest. */
    public Invocation atRecoveryPoint(VirtualMachine vm, String recoveryPoint) {
        if (recoveryPoint == null || recoveryPoint.isBlank() || "latest".equalsIgnoreCase(recoveryPoint)) {
            return onReplicationService(vm, MethodInput.create(), " from the latest recovery point");
        }
        RecoveryPoint point = vms.recoveryPoint(vm, recoveryPoint);
        return onReplicationService(vm, MethodInput.create().addReference("SnapshotSettingData", point.reference()),
                " from recovery point " + point.describe());
    }
}
