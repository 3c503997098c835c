package io.hypervwsman.hyperv.replica;

import io.hypervwsman.OperationFailedException;
import io.hypervwsman.hyperv.ReplicaServer;
import io.hypervwsman.wsman.EmbeddedInstance;
import io.hypervwsman.wsman.EmbeddedInstance.CimType;
import io.hypervwsman.wsman.MethodInput;
import java.util.Optional;

/**
 * Set-VMReplicationAuthorizationEntry: Msvm_ReplicationService.ModifyAuthorizationEntry(AuthorizationEntry). The
 * entry is sent with its InstanceID as read and AllowedPrimaryHostSystem, so that the host can match it by either
 * (which one it uses is not documented). Refused when there is no entry for the server.
 */
public final class ModifyAuthorizationEntry implements HostVerb {
    static final Operation OPERATION = Operation.of("ModifyAuthorizationEntry", "replication-server set-entry");
    private final String primary;
    private final String storage;
    private final String trustGroup;

    /**
     * @param primary    the entry's AllowedPrimaryHostSystem
     * @param storage    the new ReplicaStorageLocation, or null to keep it
     * @param trustGroup the new TrustGroup, or null to keep it
     */
    public ModifyAuthorizationEntry(String primary, String storage, String trustGroup) {
        this.primary = AuthorizationEntries.require(primary, "primary server (AllowedPrimaryHostSystem)");
        this.storage = storage == null || storage.isBlank() ? null : storage.trim();
        this.trustGroup = trustGroup == null || trustGroup.isBlank() ? null : trustGroup.trim();
        if (this.storage == null && this.trustGroup == null) {
            throw new IllegalArgumentException("name the storage location or the trust group to change");
        }
    }

    @Override
    public Operation operation() {
        return OPERATION;
    }

    private ReplicaServer.AuthorizationEntry existing(VerbContext host) {
        return AuthorizationEntries.find(host.queries().replicaServer(), primary).orElseThrow(() ->
                new OperationFailedException(host.host() + " has no authorization entry for " + primary
                        + " to change"));
    }

    private boolean shows(ReplicaServer.AuthorizationEntry e) {
        return (storage == null || e.storageLocation().equalsIgnoreCase(storage))
                && (trustGroup == null || e.trustGroup().equalsIgnoreCase(trustGroup));
    }

    @Override
    public Optional<String> nothingToDo(VerbContext host) {
        ReplicaServer.AuthorizationEntry e = existing(host);
        return shows(e) ? Optional.of(host.host() + " already has " + AuthorizationEntries.words(e))
                : Optional.empty();
    }

    @Override
    public Invocation prepare(VerbContext host) {
        ReplicaServer.AuthorizationEntry e = existing(host);
        String newStorage = storage != null ? storage : e.storageLocation();
        String newGroup = trustGroup != null ? trustGroup : e.trustGroup();
        EmbeddedInstance entry = AuthorizationEntries.embedded(e.allowedPrimaryServer(), newStorage, newGroup);
        AuthorizationEntries.instance(host, e.allowedPrimaryServer()).flatMap(i -> i.string("InstanceID"))
                .ifPresent(id -> entry.set("InstanceID", CimType.STRING, id));
        return new Invocation(host.replicationService(), MethodInput.create().add("AuthorizationEntry",
                entry.toCimXml()), AuthorizationEntries.target(e.allowedPrimaryServer(), newStorage, newGroup));
    }

    @Override
    public HostEvidence evidence() {
        return new ServerSettingsEvidence(s -> AuthorizationEntries.find(s, primary).filter(this::shows).isPresent(),
                s -> AuthorizationEntries.words(s, primary));
    }
}
