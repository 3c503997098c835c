package io.hypervwsman.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The host's Replica server settings: Msvm_ReplicationServiceSettingData (one instance) and one
 * Msvm_ReplicationAuthorizationSettingData per authorization entry, as the scenario sets them up and
 * {@link ReplicaServerMethods} changes them. The InstanceID forms are the simulator's own (not taken from a real
 * host); clients address these instances by enumeration, not by key. Guarded by the host's lock.
 */
final class ReplicaServerState {
    static final String SETTINGS_CLASS = "Msvm_ReplicationServiceSettingData";
    static final String AUTHORIZATION_CLASS = "Msvm_ReplicationAuthorizationSettingData";

    boolean enabled;
    int authenticationType;
    String certificateThumbprint;
    int httpPort;
    int httpsPort;
    long monitoringInterval;
    final Instant monitoringStartTime;
    final List<Entry> entries = new ArrayList<>();
    private int nextEntry;

    /** One authorization entry; its InstanceID stays with it when others are removed. */
    static final class Entry {
        final String instanceId;
        final String allowedPrimaryServer;
        String trustGroup;
        String storageLocation;

        Entry(String instanceId, String allowedPrimaryServer, String trustGroup, String storageLocation) {
            this.instanceId = instanceId;
            this.allowedPrimaryServer = allowedPrimaryServer;
            this.trustGroup = trustGroup;
            this.storageLocation = storageLocation;
        }
    }

    ReplicaServerState(Scenario.ReplicationServer server) {
        enabled = server.enabled();
        authenticationType = server.authenticationType();
        certificateThumbprint = server.certificateThumbprint();
        httpPort = server.httpPort();
        httpsPort = server.httpsPort();
        monitoringInterval = server.monitoringInterval();
        monitoringStartTime = Scenario.parseInstant(server.monitoringStartTime(), "monitoringStartTime");
        server.authorizationEntries().forEach(e -> add(e.allowedPrimaryServer(), e.trustGroup(),
                e.storageLocation()));
    }

    void add(String primary, String trustGroup, String storage) {
        entries.add(new Entry("Microsoft:ReplicationAuthorization\\" + nextEntry++, primary, trustGroup, storage));
    }

    /** The entry for a primary server, compared without case. */
    Optional<Entry> entry(String primary) {
        return entries.stream().filter(e -> e.allowedPrimaryServer.equalsIgnoreCase(primary)).findFirst();
    }

    Optional<Entry> entryById(String instanceId) {
        return entries.stream().filter(e -> e.instanceId.equalsIgnoreCase(instanceId)).findFirst();
    }

    InstanceSnapshot settingsSnapshot() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("AllowedAuthenticationType", authenticationType);
        p.put("Caption", "Replication Service Settings");
        p.put("CertificateThumbPrint", certificateThumbprint);
        p.put("Description", "Virtual Machine Replication Service Settings Data");
        p.put("ElementName", "Replication Service Settings");
        p.put("HttpPort", httpPort);
        p.put("HttpsPort", httpsPort);
        p.put("InstanceID", "Microsoft:ReplicationServiceSettingData");
        p.put("MonitoringInterval", monitoringInterval);
        p.put("MonitoringStartTime", monitoringStartTime);
        p.put("RecoveryServerEnabled", enabled);
        return InstanceSnapshot.of(SETTINGS_CLASS, p, List.of("InstanceID"));
    }

    List<InstanceSnapshot> authorizationSnapshots() {
        List<InstanceSnapshot> out = new ArrayList<>();
        for (Entry e : entries) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("AllowedPrimaryHostSystem", e.allowedPrimaryServer);
            p.put("Caption", "Replication Authorization Settings");
            p.put("Description", null);
            p.put("ElementName", e.allowedPrimaryServer);
            p.put("InstanceID", e.instanceId);
            p.put("ReplicaStorageLocation", e.storageLocation);
            p.put("TrustGroup", e.trustGroup);
            out.add(InstanceSnapshot.of(AUTHORIZATION_CLASS, p, List.of("InstanceID")));
        }
        return out;
    }
}
