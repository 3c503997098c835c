package io.hypervwsman.cli;

import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.VmRef;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import io.hypervwsman.hyperv.replica.SetReplication;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Set-VMReplication's common settings. */
@Command(name = "set-replication", mixinStandardHelpOptions = true,
        description = "Set-VMReplication: change the replication settings given (ModifyReplicationSettings).")
final class SetReplicationCommand extends ReplicaVerbCommand {
    @Option(names = "--frequency", paramLabel = "SECONDS", description = "Replication frequency: 30, 300 or 900.")
    Integer frequency;

    @Option(names = "--recovery-history", paramLabel = "N", description = "Additional recovery points, 0-24.")
    Integer recoveryHistory;

    @Option(names = "--replica-port", paramLabel = "PORT", description = "The replica server's listener port.")
    Integer port;

    @Option(names = "--replica-authentication", paramLabel = "kerberos|certificate",
            description = "How to authenticate to the replica server.")
    String authentication;

    @Option(names = "--certificate-thumbprint", paramLabel = "THUMBPRINT",
            description = "The certificate for certificate authentication.")
    String thumbprint;

    @Option(names = "--compression", paramLabel = "on|off", description = "Compress replication data.")
    String compression;

    @Override
    String operation() {
        return "ModifyReplicationSettings";
    }

    @Override
    OperationOutcome perform(ReplicaOperations replica, VmRef ref, OperationOptions options) {
        Integer type = ReplicaAuthentication.type(authentication);
        Boolean compress = compression == null ? null : switch (compression.toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new UsageException("--compression must be on or off, not " + compression);
        };
        ReplicaAuthentication.thumbprint(thumbprint);
        SetReplication verb;
        try {
            verb = new SetReplication(frequency, recoveryHistory, port, type, thumbprint, compress);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return replica.run(verb, ref, options);
    }
}
