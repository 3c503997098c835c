package io.hypervwsman.hyperv;

import io.hypervwsman.wsman.WsManNamespace;

/** Resource URIs of the root/virtualization/v2 classes hyperv-wsman uses. */
public final class HyperVResources {
    public static final String NAMESPACE = "root/virtualization/v2";
    public static final String ALL = WsManNamespace.wmiNamespaceWildcard(NAMESPACE);
    public static final String COMPUTER_SYSTEM = WsManNamespace.wmiClass(NAMESPACE, "Msvm_ComputerSystem");
    public static final String REPLICATION_SERVICE = WsManNamespace.wmiClass(NAMESPACE, "Msvm_ReplicationService");
    public static final String MANAGEMENT_SERVICE =
            WsManNamespace.wmiClass(NAMESPACE, "Msvm_VirtualSystemManagementService");
    public static final String CONCRETE_JOB = WsManNamespace.wmiClass(NAMESPACE, "Msvm_ConcreteJob");
    public static final String REPLICATION_RELATIONSHIP =
            WsManNamespace.wmiClass(NAMESPACE, "Msvm_ReplicationRelationship");

    private HyperVResources() {
    }
}
