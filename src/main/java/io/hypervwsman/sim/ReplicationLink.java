package io.hypervwsman.sim;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One Msvm_ReplicationRelationship ({@code Microsoft:<VM id>\HVR\<index>}). Guarded by the host's lock. */
final class ReplicationLink {
    static final String CLASS = "Msvm_ReplicationRelationship";

    final VirtualMachine vm;
    final int index;
    int state;
    int health;
    int failedOverReplicationType;
    int lastReplicationType;
    Instant lastReplicationTime;
    Instant lastApplicationConsistentReplicationTime;
    /** Its Msvm_ReplicationSettingData: where it replicates from and to. */
    String primaryServer;
    String recoveryServer;
    int recoveryPort = 80;
    int authenticationType = 1;
    int recoveryHistory;
    int replicationInterval = 300;
    boolean compression = true;
    String certificateThumbprint;
    /** The InstanceID of the recovery point the last InitiateFailover used, or "latest". */
    String failedOverTo;
    /** What GetReplicationStatistics(Ex) reports for it. */
    final Scenario.Statistics statistics;

    ReplicationLink(VirtualMachine vm, int index, Scenario.Relationship r, String thisHost, String peerHost) {
        this.vm = vm;
        this.index = index;
        boolean primary = vm.replicationMode == 1;
        this.primaryServer = r.primaryServer() != null ? r.primaryServer() : primary ? thisHost : peerHost;
        this.recoveryServer = r.recoveryServer() != null ? r.recoveryServer() : primary ? peerHost : thisHost;
        this.statistics = r.statistics();
        this.state = r.state();
        this.health = r.health();
        this.failedOverReplicationType = r.failedOverReplicationType();
        this.lastReplicationType = r.lastReplicationType();
        this.lastReplicationTime = Scenario.parseInstant(r.lastReplicationTime(), "lastReplicationTime");
        this.lastApplicationConsistentReplicationTime = Scenario.parseInstant(
                r.lastApplicationConsistentReplicationTime(), "lastApplicationConsistentReplicationTime");
    }

    /** Takes what an embedded Msvm_ReplicationSettingData sets (CreateReplicationRelationship, ModifyReplicationSettings). */
    void applySettings(EmbeddedSettings e) {
        e.value("RecoveryConnectionPoint").filter(t -> !t.isBlank()).ifPresent(t -> recoveryServer = t);
        e.value("RecoveryServerPortNumber").map(Integer::valueOf).ifPresent(p -> recoveryPort = p);
        e.value("AuthenticationType").map(Integer::valueOf).ifPresent(a -> authenticationType = a);
        e.value("RecoveryHistory").map(Integer::valueOf).ifPresent(h -> recoveryHistory = h);
        e.value("ReplicationInterval").map(Integer::valueOf).ifPresent(i -> replicationInterval = i);
        e.value("CompressionEnabled").map(Boolean::valueOf).ifPresent(c -> compression = c);
        e.value("CertificateThumbPrint").ifPresent(t -> certificateThumbprint = t);
    }

    String instanceId() {
        return "Microsoft:" + vm.id + "\\HVR\\" + index;
    }

    /** Msvm_ReplicationSettingData of this relationship. */
    static final String SETTINGS_CLASS = "Msvm_ReplicationSettingData";

    String settingsInstanceId() {
        return "Microsoft:" + vm.id + "\\HVR" + (index == 0 ? "" : "\\" + index);
    }

    InstanceSnapshot settingsSnapshot() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("AdditionalSettings", null);
        p.put("ApplicationConsistentSnapshotInterval", 0);
        p.put("AuthenticationType", authenticationType);
        p.put("AutomaticRecoveryAction", null);
        p.put("AutomaticShutdownAction", null);
        p.put("AutomaticStartupAction", null);
        p.put("AutomaticStartupActionDelay", null);
        p.put("AutomaticStartupActionSequenceNumber", null);
        p.put("AutoResynchronizeEnabled", false);
        p.put("AutoResynchronizeIntervalEnd", java.time.Duration.ofHours(6));
        p.put("AutoResynchronizeIntervalStart", java.time.Duration.ofHours(18).plusMinutes(30));
        p.put("BypassProxyServer", false);
        p.put("Caption", "Replication Settings");
        p.put("CertificateThumbPrint", certificateThumbprint);
        p.put("CompressionEnabled", compression);
        p.put("ConfigurationDataRoot", null);
        p.put("ConfigurationFile", null);
        p.put("ConfigurationID", null);
        p.put("CreationTime", VirtualMachine.INSTALLED);
        p.put("Description", "Virtual Machine Replication Settings Data");
        p.put("ElementName", vm.name);
        p.put("EnableWriteOrderPreservationAcrossDisks", false);
        p.put("IncludedDisks", List.of("C:\\ProgramData\\Microsoft\\Windows\\Hyper-V\\Virtual Hard Disks\\" + vm.name
                + ".vhdx"));
        p.put("InstanceID", settingsInstanceId());
        p.put("LogDataRoot", null);
        p.put("Notes", null);
        p.put("PrimaryConnectionPoint", primaryServer);
        p.put("PrimaryHostSystem", primaryServer);
        p.put("RecoveryConnectionPoint", recoveryServer);
        p.put("RecoveryFile", null);
        p.put("RecoveryHistory", recoveryHistory);
        p.put("RecoveryHostSystem", recoveryServer);
        p.put("RecoveryServerPortNumber", recoveryPort);
        p.put("ReplicateHostKvpItems", true);
        p.put("ReplicationInterval", replicationInterval);
        p.put("ReplicationProvider", null);
        p.put("RootCertificateThumbPrint", null);
        p.put("SnapshotDataRoot", null);
        p.put("SuspendDataRoot", null);
        p.put("SwapFileDataRoot", null);
        p.put("VirtualSystemIdentifier", vm.id);
        p.put("VirtualSystemType", "Microsoft:Hyper-V:Replica");
        return InstanceSnapshot.of(SETTINGS_CLASS, p, List.of("InstanceID"));
    }

    InstanceSnapshot snapshot() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("Caption", index == 0 ? "Replication Relationship" : "Extended Replication Relationship");
        p.put("CommunicationStatus", null);
        p.put("Description", "Replication relationship of the virtual machine");
        p.put("DetailedStatus", null);
        p.put("ElementName", vm.name);
        p.put("FailedOverReplicationType", failedOverReplicationType);
        p.put("HealthState", 5);
        p.put("InstallDate", null);
        p.put("InstanceID", instanceId());
        p.put("LastApplicationConsistentReplicationTime", lastApplicationConsistentReplicationTime);
        p.put("LastApplyTime", lastReplicationTime);
        p.put("LastReplicationTime", lastReplicationTime);
        p.put("LastReplicationType", lastReplicationType);
        p.put("Name", null);
        p.put("OperatingStatus", null);
        p.put("OperationalStatus", List.of(2));
        p.put("PrimaryStatus", null);
        p.put("ReplicationHealth", health);
        p.put("ReplicationState", state);
        p.put("Status", "OK");
        p.put("StatusDescriptions", List.of("OK"));
        return InstanceSnapshot.of(CLASS, p, List.of("InstanceID"));
    }
}
