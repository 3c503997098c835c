package io.hypervwsman.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The host's Replica server settings: Msvm_ReplicationServiceSettingData (one instance) and one
 * Msvm_ReplicationAuthorizationSettingData per authorization entry. The InstanceID forms are the simulator's own
 * (not taken from a real host); clients address these instances by enumeration, not by key.
 */
final class ReplicaServerState {
    static final String SETTINGS_CLASS = "Msvm_ReplicationServiceSettingData";
    static final String AUTHORIZATION_CLASS = "Msvm_ReplicationAuthorizationSettingData";

    private final Scenario.ReplicationServer server;

    ReplicaServerState(Scenario.ReplicationServer server) {
        this.server = server;
    }

    InstanceSnapshot settingsSnapshot() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("AllowedAuthenticationType", server.authenticationType());
        p.put("Caption", "Replication Service Settings");
        p.put("CertificateThumbPrint", server.certificateThumbprint());
        p.put("Description", "Virtual Machine Replication Service Settings Data");
        p.put("ElementName", "Replication Service Settings");
        p.put("HttpPort", server.httpPort());
        p.put("HttpsPort", server.httpsPort());
        p.put("InstanceID", "Microsoft:ReplicationServiceSettingData");
        p.put("MonitoringInterval", server.monitoringInterval());
        p.put("MonitoringStartTime", Scenario.parseInstant(server.monitoringStartTime(), "monitoringStartTime"));
        p.put("RecoveryServerEnabled", server.enabled());
        return InstanceSnapshot.of(SETTINGS_CLASS, p, List.of("InstanceID"));
    }

    List<InstanceSnapshot> authorizationSnapshots() {
        List<InstanceSnapshot> out = new ArrayList<>();
        int n = 0;
        for (Scenario.AuthorizationEntry e : server.authorizationEntries()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("AllowedPrimaryHostSystem", e.allowedPrimaryServer());
            p.put("Caption", "Replication Authorization Settings");
            p.put("Description", null);
            p.put("ElementName", e.allowedPrimaryServer());
            p.put("InstanceID", "Microsoft:ReplicationAuthorization\\" + n++);
            p.put("ReplicaStorageLocation", e.storageLocation());
            p.put("TrustGroup", e.trustGroup());
            out.add(InstanceSnapshot.of(AUTHORIZATION_CLASS, p, List.of("InstanceID")));
        }
        return out;
    }
}
