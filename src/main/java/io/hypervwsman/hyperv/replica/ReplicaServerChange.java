package io.hypervwsman.hyperv.replica;

import io.hypervwsman.Hint;
import io.hypervwsman.OperationFailedException;
import io.hypervwsman.hyperv.ReplicaServer;
import java.util.ArrayList;
import java.util.List;

/**
 * Set-VMReplicationServer as the host's methods carry it out: the service settings by ModifyServiceSettings, and
 * "replication allowed from any server" with its default storage location as the authorization entry for "*"
 * (AddAuthorizationEntry, ModifyAuthorizationEntry, RemoveAuthorizationEntry; trust group DEFAULT), as the cmdlet
 * does (DECOMP). Msvm_ReplicationServiceSettingData has no property of its own for either. Each step is one verb,
 * run through the engine on its own; a step whose change is already there is nothing to do.
 *
 * @param settings         the service settings to change, or null
 * @param allowAnyServer   whether any primary server may replicate here, or null to keep it
 * @param defaultStorage   where replicas from any server are stored (the "*" entry's location), or null
 */
public record ReplicaServerChange(SetReplicationServer settings, Boolean allowAnyServer, String defaultStorage) {
    /** The AllowedPrimaryHostSystem of the entry that allows any server. */
    public static final String ANY_SERVER = "*";
    /** The trust group the cmdlet gives the "*" entry. */
    public static final String DEFAULT_TRUST_GROUP = "DEFAULT";

    public ReplicaServerChange {
        defaultStorage = defaultStorage == null || defaultStorage.isBlank() ? null : defaultStorage.trim();
        if (settings == null && allowAnyServer == null && defaultStorage == null) {
            throw new IllegalArgumentException("name at least one Replica server setting to change");
        }
        if (Boolean.TRUE.equals(allowAnyServer) && defaultStorage == null) {
            throw new IllegalArgumentException("allowing any server needs the default storage location");
        }
        if (Boolean.FALSE.equals(allowAnyServer) && defaultStorage != null) {
            throw new IllegalArgumentException("the default storage location is for replicas from any server; it"
                    + " cannot be set while disallowing any server");
        }
    }

    /**
     * The verbs that carry the change out on a host whose settings are {@code now}, in order.
     *
     * @throws OperationFailedException when the host's entries stand in the way (allowing any server while entries
     *                                  for named servers exist; a default storage location with no "*" entry)
     */
    public List<HostVerb> steps(ReplicaServer now) {
        List<HostVerb> steps = new ArrayList<>();
        if (settings != null) {
            steps.add(settings);
        }
        boolean any = AuthorizationEntries.find(now, ANY_SERVER).isPresent();
        if (Boolean.FALSE.equals(allowAnyServer)) {
            steps.add(new RemoveAuthorizationEntry(ANY_SERVER));
        } else if (any && defaultStorage != null) {
            steps.add(new ModifyAuthorizationEntry(ANY_SERVER, defaultStorage, null));
        } else if (Boolean.TRUE.equals(allowAnyServer)) {
            if (!now.entries().isEmpty()) {
                // The cmdlet removes them all after asking; removing one stops the replication it authorized.
                throw new OperationFailedException(now.entries().size() + " authorization entries for named primary"
                        + " servers exist; remove them first (RemoveAuthorizationEntry) to allow any server",
                        Hint.of(Hint.Kind.REMOVE_AUTHORIZATION_ENTRIES));
            }
            steps.add(new AddAuthorizationEntry(ANY_SERVER, defaultStorage, DEFAULT_TRUST_GROUP));
        } else if (defaultStorage != null) {
            throw new OperationFailedException("replication is not allowed from any server, so there is no default"
                    + " storage location to set; allow any server with it", Hint.of(Hint.Kind.ALLOW_ANY_SERVER));
        }
        return steps;
    }
}
