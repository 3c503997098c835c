package io.hypervwsman.hyperv.replica;

import io.hypervwsman.Hint;
import io.hypervwsman.OperationFailedException;
import io.hypervwsman.hyperv.ReplicaServer;
import io.hypervwsman.wsman.MethodInput;
import java.util.Optional;

/**
 * New-VMReplicationAuthorizationEntry: Msvm_ReplicationService.AddAuthorizationEntry(AuthorizationEntry) with an
 * embedded Msvm_ReplicationAuthorizationSettingData. Nothing to do when the same entry exists; refused when the
 * primary server has an entry with other values (change that one instead).
 */
public final class AddAuthorizationEntry implements HostVerb {
    static final Operation OPERATION = Operation.of("AddAuthorizationEntry", "replication-server add-entry");
    private final String primary;
    private final String storage;
    private final String trustGroup;

    /**
     * @param primary    AllowedPrimaryHostSystem: an FQDN, a wildcard such as *.lab.example, or "*" for any server
     * @param storage    ReplicaStorageLocation
     * @param trustGroup TrustGroup
     */
    public AddAuthorizationEntry(String primary, String storage, String trustGroup) {
        this.primary = AuthorizationEntries.require(primary, "primary server (AllowedPrimaryHostSystem)");
        this.storage = AuthorizationEntries.require(storage, "replica storage location");
        this.trustGroup = AuthorizationEntries.require(trustGroup, "trust group");
    }

    @Override
    public Operation operation() {
        return OPERATION;
    }

    private boolean same(ReplicaServer.AuthorizationEntry e) {
        return e.storageLocation().equalsIgnoreCase(storage) && e.trustGroup().equalsIgnoreCase(trustGroup);
    }

    @Override
    public Optional<String> nothingToDo(VerbContext host) {
        Optional<ReplicaServer.AuthorizationEntry> e = AuthorizationEntries.find(host.queries().replicaServer(),
                primary);
        if (e.isPresent() && !same(e.get())) {
            throw new OperationFailedException(host.host() + " already has " + AuthorizationEntries.words(e.get())
                    + "; change it (ModifyAuthorizationEntry) or remove it first",
                    Hint.of(Hint.Kind.CHANGE_AUTHORIZATION_ENTRY, e.get().allowedPrimaryServer()));
        }
        return e.map(x -> host.host() + " already has " + AuthorizationEntries.words(x));
    }

    @Override
    public Invocation prepare(VerbContext host) {
        return new Invocation(host.replicationService(), MethodInput.create().add("AuthorizationEntry",
                AuthorizationEntries.embedded(primary, storage, trustGroup).toCimXml()),
                AuthorizationEntries.target(primary, storage, trustGroup));
    }

    @Override
    public HostEvidence evidence() {
        return new ServerSettingsEvidence(s -> AuthorizationEntries.find(s, primary).filter(this::same).isPresent(),
                s -> AuthorizationEntries.words(s, primary));
    }
}
