package io.hypervwsman.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A VM on the simulated host: power, replication mode and relationships. Guarded by the host's lock. */
final class VirtualMachine {
    static final String CLASS = "Msvm_ComputerSystem";
    static final Instant INSTALLED = Instant.parse("2026-03-14T09:26:41.512345Z");

    final String id;
    final String name;
    final Map<String, Scenario.Behaviour> behaviours;
    final List<ReplicationLink> relationships = new ArrayList<>();
    /** Its snapshots (recovery points of a replica), oldest first. */
    final List<Scenario.RecoveryPoint> recoveryPoints = new ArrayList<>();
    /** Its synthetic network adapters with their failover IP settings. */
    final List<NetworkAdapterState> networkAdapters = new ArrayList<>();
    int enabledState;
    int replicationMode;
    /** For a test VM: the id of the replica it was made from. */
    String testReplicaOf;
    Instant timeOfLastStateChange;
    /** Whether the guest's shutdown integration service answers while the VM runs. */
    boolean shutdownComponent = true;
    /** From when the guest's heartbeat is OK (while the VM runs); before it, No Contact. */
    Instant heartbeatFrom;

    VirtualMachine(String id, String name, int enabledState, int replicationMode,
                   Map<String, Scenario.Behaviour> behaviours, Instant now) {
        this.id = id.toUpperCase(Locale.ROOT);
        this.name = name;
        this.enabledState = enabledState;
        this.replicationMode = replicationMode;
        this.behaviours = behaviours;
        this.timeOfLastStateChange = now;
        this.heartbeatFrom = now;
    }

    boolean isOff() {
        return enabledState == Scenario.Power.OFF.enabledState();
    }

    /** \HVR\0: the primary relationship, which the VM's own (deprecated) replication properties mirror. */
    ReplicationLink primaryLink() {
        return relationships.isEmpty() ? null : relationships.get(0);
    }

    void setPower(int state, Instant now) {
        if (state == Scenario.Power.RUNNING.enabledState() && enabledState != state) {
            heartbeatFrom = now.plus(GUEST_BOOT);
        }
        enabledState = state;
        timeOfLastStateChange = now;
    }

    InstanceSnapshot snapshot() {
        boolean running = enabledState == Scenario.Power.RUNNING.enabledState();
        ReplicationLink link = primaryLink();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("AvailableRequestedStates", null);
        p.put("Caption", "Virtual Machine");
        p.put("CommunicationStatus", null);
        p.put("CreationClassName", CLASS);
        p.put("Dedicated", null);
        p.put("Description", "Microsoft Virtual Machine");
        p.put("DetailedStatus", null);
        p.put("ElementName", name);
        p.put("EnabledDefault", 2);
        p.put("EnabledState", enabledState);
        p.put("EnhancedSessionModeState", running ? 2 : 3);
        p.put("FailedOverReplicationType", link == null ? 0 : link.failedOverReplicationType);
        p.put("HealthState", 5);
        p.put("IdentifyingDescriptions", null);
        p.put("InstallDate", INSTALLED);
        p.put("InstanceID", null);
        p.put("LastApplicationConsistentReplicationTime", link == null ? null : link.lastApplicationConsistentReplicationTime);
        p.put("LastReplicationTime", link == null ? null : link.lastReplicationTime);
        p.put("LastReplicationType", link == null ? 0 : link.lastReplicationType);
        p.put("LastSuccessfulBackupTime", null);
        p.put("Name", id);
        p.put("NameFormat", null);
        p.put("NumberOfNumaNodes", 1);
        p.put("OnTimeInMilliseconds", running ? 86_754_321L : 0L);
        p.put("OperatingStatus", null);
        p.put("OperationalStatus", List.of(2));
        p.put("OtherDedicatedDescriptions", null);
        p.put("OtherEnabledState", null);
        p.put("OtherIdentifyingInfo", null);
        p.put("PowerManagementCapabilities", null);
        p.put("PrimaryOwnerContact", null);
        p.put("PrimaryOwnerName", null);
        p.put("PrimaryStatus", null);
        p.put("ProcessID", running ? 4812 : null);
        p.put("ReplicationHealth", link == null ? 0 : link.health);
        p.put("ReplicationMode", replicationMode);
        p.put("ReplicationState", link == null ? 0 : link.state);
        p.put("RequestedState", 5);
        p.put("ResetCapability", 1);
        p.put("Roles", null);
        p.put("Status", "OK");
        p.put("StatusDescriptions", List.of("Operating normally"));
        p.put("TimeOfLastConfigurationChange", INSTALLED);
        p.put("TimeOfLastStateChange", timeOfLastStateChange);
        p.put("TransitioningToState", null);
        return InstanceSnapshot.of(CLASS, p, List.of("CreationClassName", "Name"));
    }

    static final String SHUTDOWN_CLASS = "Msvm_ShutdownComponent";

    /** Its Msvm_ShutdownComponent (keys of CIM_LogicalDevice), which exists while the VM runs. */
    InstanceSnapshot shutdownSnapshot() {
        return integrationComponent(SHUTDOWN_CLASS, "Shutdown", "9F8233AC-BE49-4C79-8EE3-E7E1985B2077", List.of(2),
                List.of("OK"));
    }

    static final String HEARTBEAT_CLASS = "Msvm_HeartbeatComponent";
    /**
     * How long a started guest takes until its heartbeat is OK (No Contact until then). A VM that runs when the
     * scenario loads has booted already.
     */
    static final java.time.Duration GUEST_BOOT = java.time.Duration.ofSeconds(15);

    /**
     * Its Msvm_HeartbeatComponent, which exists only while the VM runs (Microsoft's sample reads "no component" as
     * "the VM is not running"): OperationalStatus [12] No Contact while the guest boots, then [2, 2] OK, OK. The
     * DeviceID's GUID is the heartbeat service's as recalled, not checked against a host.
     */
    InstanceSnapshot heartbeatSnapshot(Instant now) {
        boolean ok = !now.isBefore(heartbeatFrom);
        return integrationComponent(HEARTBEAT_CLASS, "Heartbeat", "57164F39-9115-4E78-AB55-382F3BD5422D",
                ok ? List.of(2, 2) : List.of(12), ok ? List.of("OK", "OK") : List.of("No Contact"));
    }

    /** An integration service's device (keys of CIM_LogicalDevice), e.g. Msvm_ShutdownComponent. */
    private InstanceSnapshot integrationComponent(String className, String name, String serviceGuid,
                                                  List<Integer> operationalStatus, List<String> descriptions) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("Caption", name);
        p.put("CreationClassName", className);
        p.put("Description", "Microsoft " + name + " Service");
        p.put("DeviceID", "Microsoft:" + id + "\\" + serviceGuid);
        p.put("ElementName", name);
        p.put("EnabledState", 2);
        p.put("HealthState", 5);
        p.put("Name", name);
        p.put("OperationalStatus", operationalStatus);
        p.put("StatusDescriptions", descriptions);
        p.put("SystemCreationClassName", CLASS);
        p.put("SystemName", id);
        return InstanceSnapshot.of(className, p,
                List.of("CreationClassName", "DeviceID", "SystemCreationClassName", "SystemName"));
    }

    static final String SETTINGS_CLASS = "Msvm_VirtualSystemSettingData";

    static String snapshotInstanceId(Scenario.RecoveryPoint point) {
        return "Microsoft:" + point.id().toUpperCase(Locale.ROOT);
    }

    /** Its realized settings, Msvm_VirtualSystemSettingData {@code Microsoft:<VM id>} (Msvm_SettingsDefineState). */
    InstanceSnapshot realizedSettings() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("Caption", "Virtual Machine Settings");
        p.put("CreationTime", INSTALLED);
        p.put("Description", "Active settings for the virtual machine.");
        p.put("ElementName", name);
        p.put("InstanceID", "Microsoft:" + id);
        p.put("IsSaved", false);
        p.put("Parent", null);
        p.put("VirtualSystemIdentifier", id);
        p.put("VirtualSystemType", "Microsoft:Hyper-V:System:Realized");
        return InstanceSnapshot.of(SETTINGS_CLASS, p, List.of("InstanceID"));
    }

    /** A snapshot as Msvm_VirtualSystemSettingData (the properties a recovery-point listing needs). */
    InstanceSnapshot snapshotSettings(Scenario.RecoveryPoint point) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("Caption", "Virtual Machine Settings");
        p.put("CreationTime", Scenario.parseInstant(point.created(), "created"));
        p.put("Description", "Active settings for the virtual machine.");
        p.put("ElementName", point.name());
        p.put("InstanceID", snapshotInstanceId(point));
        p.put("IsSaved", false);
        p.put("Parent", null);
        p.put("VirtualSystemIdentifier", id);
        p.put("VirtualSystemType", point.type());
        return InstanceSnapshot.of(SETTINGS_CLASS, p, List.of("InstanceID"));
    }

    /** The host's own Msvm_ComputerSystem. */
    static InstanceSnapshot hostSnapshot(String hostName) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("AvailableRequestedStates", null);
        p.put("Caption", "Hosting Computer System");
        p.put("CommunicationStatus", null);
        p.put("CreationClassName", CLASS);
        p.put("Dedicated", List.of(0));
        p.put("Description", "Microsoft Hosting Computer System");
        p.put("DetailedStatus", null);
        p.put("ElementName", hostName);
        p.put("EnabledDefault", 2);
        p.put("EnabledState", 2);
        p.put("HealthState", 5);
        p.put("InstallDate", INSTALLED);
        p.put("InstanceID", null);
        p.put("Name", hostName);
        p.put("NameFormat", null);
        p.put("OperationalStatus", List.of(2));
        p.put("PrimaryOwnerContact", null);
        p.put("PrimaryOwnerName", null);
        p.put("ReplicationMode", null);
        p.put("ReplicationState", null);
        p.put("RequestedState", 12);
        p.put("ResetCapability", 1);
        p.put("Roles", null);
        p.put("Status", "OK");
        p.put("StatusDescriptions", null);
        return InstanceSnapshot.of(CLASS, p, List.of("CreationClassName", "Name"));
    }
}
