package io.hypervwsman.cli;

import io.hypervwsman.hyperv.ReplicaServer;
import io.hypervwsman.hyperv.replica.AddAuthorizationEntry;
import io.hypervwsman.hyperv.replica.HostVerb;
import io.hypervwsman.hyperv.replica.ModifyAuthorizationEntry;
import io.hypervwsman.hyperv.replica.RemoveAuthorizationEntry;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The authorization-entry subcommands of {@code replication-server}: one method each. */
final class ReplicationServerEntries {
    private ReplicationServerEntries() {
    }

    /** {@code replication-server add-entry}: New-VMReplicationAuthorizationEntry. */
    @Command(name = "add-entry", mixinStandardHelpOptions = true,
            description = "New-VMReplicationAuthorizationEntry: allow a primary server (AddAuthorizationEntry).")
    static final class Add extends ReplicationServerChangeCommand {
        @Option(names = "--primary-server", required = true, paramLabel = "FQDN|*.DOMAIN",
                description = "The primary server(s) allowed to replicate here.")
        String primary;

        @Option(names = "--storage", required = true, paramLabel = "PATH", description = "Where their replicas go.")
        String storage;

        @Option(names = "--trust-group", required = true, paramLabel = "NAME", description = "The entry's trust group.")
        String trustGroup;

        @Override
        List<HostVerb> steps(ReplicaServer before) {
            return List.of(new AddAuthorizationEntry(primary, storage, trustGroup));
        }
    }

    /** {@code replication-server remove-entry}: Remove-VMReplicationAuthorizationEntry. */
    @Command(name = "remove-entry", mixinStandardHelpOptions = true,
            description = "Remove-VMReplicationAuthorizationEntry: stop allowing a primary server"
                    + " (RemoveAuthorizationEntry; replication of the VMs it authorized stops).")
    static final class Remove extends ReplicationServerChangeCommand {
        @Option(names = "--primary-server", required = true, paramLabel = "FQDN|*.DOMAIN|*",
                description = "The entry's primary server.")
        String primary;

        @Override
        List<HostVerb> steps(ReplicaServer before) {
            return List.of(new RemoveAuthorizationEntry(primary));
        }
    }

    /** {@code replication-server set-entry}: Set-VMReplicationAuthorizationEntry. */
    @Command(name = "set-entry", mixinStandardHelpOptions = true,
            description = "Set-VMReplicationAuthorizationEntry: change an entry's storage or trust group"
                    + " (ModifyAuthorizationEntry).")
    static final class Change extends ReplicationServerChangeCommand {
        @Option(names = "--primary-server", required = true, paramLabel = "FQDN|*.DOMAIN|*",
                description = "The entry's primary server.")
        String primary;

        @Option(names = "--storage", paramLabel = "PATH", description = "The new storage location.")
        String storage;

        @Option(names = "--trust-group", paramLabel = "NAME", description = "The new trust group.")
        String trustGroup;

        @Override
        List<HostVerb> steps(ReplicaServer before) {
            return List.of(new ModifyAuthorizationEntry(primary, storage, trustGroup));
        }
    }
}
