package io.hypervwsman.hyperv.replica;

import io.hypervwsman.hyperv.ReplicaServer;
import io.hypervwsman.wsman.CimInstance;
import io.hypervwsman.wsman.EmbeddedInstance;
import io.hypervwsman.wsman.EmbeddedInstance.CimType;
import io.hypervwsman.wsman.Wql;
import java.util.Optional;

/**
 * What the authorization-entry verbs share: finding an entry by its AllowedPrimaryHostSystem (compared without case,
 * as Microsoft's Replica sample does) and writing one as the embedded Msvm_ReplicationAuthorizationSettingData that
 * AddAuthorizationEntry and ModifyAuthorizationEntry take.
 */
final class AuthorizationEntries {
    static final String CLASS = "Msvm_ReplicationAuthorizationSettingData";

    private AuthorizationEntries() {
    }

    static Optional<ReplicaServer.AuthorizationEntry> find(ReplicaServer server, String primary) {
        return server.entries().stream().filter(e -> e.allowedPrimaryServer().equalsIgnoreCase(primary)).findFirst();
    }

    /** The instance as the host holds it (for its InstanceID), if any. */
    static Optional<CimInstance> instance(VerbContext host, String primary) {
        return host.query("SELECT * FROM " + CLASS + " WHERE AllowedPrimaryHostSystem = " + Wql.literal(primary))
                .stream().findFirst();
    }

    static EmbeddedInstance embedded(String primary, String storage, String trustGroup) {
        return EmbeddedInstance.of(CLASS).set("AllowedPrimaryHostSystem", CimType.STRING, primary)
                .set("ReplicaStorageLocation", CimType.STRING, storage).set("TrustGroup", CimType.STRING, trustGroup);
    }

    /** How an Invoke that writes an entry describes it after the method's name. */
    static String target(String primary, String storage, String trustGroup) {
        return ": " + primary + " to " + storage + " (trust group " + trustGroup + ")";
    }

    static String words(ReplicaServer.AuthorizationEntry e) {
        return "an entry for " + e.allowedPrimaryServer() + " (storage " + blank(e.storageLocation())
                + ", trust group " + blank(e.trustGroup()) + ")";
    }

    static String words(ReplicaServer server, String primary) {
        return find(server, primary).map(AuthorizationEntries::words).orElse("no entry for " + primary);
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? "none" : s;
    }

    static String require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("name the " + what);
        }
        return value.trim();
    }
}
