package io.hypervwsman.hyperv.replica;

import io.hypervwsman.wsman.MethodInput;
import java.util.Optional;

/**
 * Remove-VMReplicationAuthorizationEntry: Msvm_ReplicationService.RemoveAuthorizationEntry(AllowedPrimaryHostSystem).
 * Microsoft's page warns that it stops the replication of the VMs the entry authorized. Nothing to do when the
 * host has no entry for the server.
 */
public final class RemoveAuthorizationEntry implements HostVerb {
    static final Operation OPERATION = Operation.of("RemoveAuthorizationEntry", "replication-server remove-entry");
    private final String primary;

    /** @param primary the entry's AllowedPrimaryHostSystem ("*" for the any-server entry) */
    public RemoveAuthorizationEntry(String primary) {
        this.primary = AuthorizationEntries.require(primary, "primary server (AllowedPrimaryHostSystem)");
    }

    @Override
    public Operation operation() {
        return OPERATION;
    }

    @Override
    public Optional<String> nothingToDo(VerbContext host) {
        return AuthorizationEntries.find(host.queries().replicaServer(), primary).isPresent() ? Optional.empty()
                : Optional.of(host.host() + " has no authorization entry for " + primary);
    }

    @Override
    public Invocation prepare(VerbContext host) {
        return new Invocation(host.replicationService(), MethodInput.create().add("AllowedPrimaryHostSystem", primary),
                ": the entry for " + primary);
    }

    @Override
    public HostEvidence evidence() {
        return new ServerSettingsEvidence(s -> AuthorizationEntries.find(s, primary).isEmpty(),
                s -> AuthorizationEntries.words(s, primary));
    }
}
