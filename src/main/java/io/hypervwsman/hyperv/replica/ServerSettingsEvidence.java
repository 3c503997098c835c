package io.hypervwsman.hyperv.replica;

import io.hypervwsman.hyperv.ReplicaServer;
import java.util.function.Function;
import java.util.function.Predicate;

/** The Replica server settings and authorization entries read back (Get-VMReplicationServer) as evidence. */
final class ServerSettingsEvidence implements HostEvidence {
    private final Predicate<ReplicaServer> showsChange;
    private final Function<ReplicaServer, String> words;

    /**
     * @param showsChange whether the settings read show what the verb asked for
     * @param words       the settings the verb is about, in words
     */
    ServerSettingsEvidence(Predicate<ReplicaServer> showsChange, Function<ReplicaServer, String> words) {
        this.showsChange = showsChange;
        this.words = words;
    }

    @Override
    public String label() {
        return "Replica server settings";
    }

    @Override
    public Reading read(VerbContext host) {
        ReplicaServer now = host.queries().replicaServer();
        return new Reading(showsChange.test(now), words.apply(now));
    }
}
