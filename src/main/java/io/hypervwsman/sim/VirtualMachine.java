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

    VirtualMachine(String id, String name, int enabledState, int replicationMode,
                   Map<String, Scenario.Behaviour> behaviours, Instant now) {
        this.id = id.toUpperCase(Locale.ROOT);
        this.name = name;
        this.enabledState = enabledState;
        this.replicationMode = replicationMode;
        this.behaviours = behaviours;
        this.timeOfLastStateChange = now;
    }

    boolean isOff() {
        return enabledState == Scenario.Power.OFF.enabledState();
    }

    /** \HVR\0: the primary relationship, which the VM's own (deprecated) replication properties mirror. */
    ReplicationLink primaryLink() {
        return relationships.isEmpty() ? null : relationships.get(0);
    }

    void setPower(int state, Instant now) {
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
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("Caption", "Shutdown");
        p.put("CreationClassName", SHUTDOWN_CLASS);
        p.put("Description", "Microsoft Shutdown Service");
        p.put("DeviceID", "Microsoft:" + id + "\\9F8233AC-BE49-4C79-8EE3-E7E1985B2077");
        p.put("ElementName", "Shutdown");
        p.put("EnabledState", 2);
        p.put("HealthState", 5);
        p.put("Name", "Shutdown");
        p.put("OperationalStatus", List.of(2));
        p.put("StatusDescriptions", List.of("OK"));
        p.put("SystemCreationClassName", CLASS);
        p.put("SystemName", id);
        return InstanceSnapshot.of(SHUTDOWN_CLASS, p,
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
