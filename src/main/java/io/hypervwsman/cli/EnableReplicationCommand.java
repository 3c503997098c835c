package io.hypervwsman.cli;

import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.VmRef;
import io.hypervwsman.hyperv.replica.EnableReplication;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Enable-VMReplication: make the VM a primary replicating to a replica server. */
@Command(name = "enable-replication", mixinStandardHelpOptions = true,
        description = "Enable-VMReplication: CreateReplicationRelationship with an embedded Msvm_ReplicationSettingData.")
final class EnableReplicationCommand extends ReplicaVerbCommand {
    @Option(names = "--replica-server", required = true, paramLabel = "HOST", description = "The replica server.")
    String replicaServer;

    @Option(names = "--replica-port", paramLabel = "PORT",
            description = "Its Hyper-V Replica listener port (default 80 for kerberos, 443 for certificate).")
    Integer port;

    @Option(names = "--replica-authentication", paramLabel = "kerberos|certificate", defaultValue = "kerberos",
            description = "How to authenticate to the replica server (default: ${DEFAULT-VALUE}).")
    String authentication;

    @Option(names = "--certificate-thumbprint", paramLabel = "THUMBPRINT",
            description = "The certificate for --replica-authentication certificate.")
    String thumbprint;

    @Option(names = "--recovery-history", paramLabel = "N", defaultValue = "0",
            description = "Additional recovery points to keep, 0-24 (default: ${DEFAULT-VALUE}).")
    int recoveryHistory;

    @Option(names = "--frequency", paramLabel = "SECONDS", defaultValue = "300",
            description = "Replication frequency: 30, 300 or 900 seconds (default: ${DEFAULT-VALUE}).")
    int frequency;

    @Option(names = "--no-compression", description = "Send replication data uncompressed.")
    boolean noCompression;

    @Override
    String operation() {
        return "CreateReplicationRelationship";
    }

    @Override
    OperationOutcome perform(ReplicaOperations replica, VmRef ref, OperationOptions options) {
        int type = ReplicaAuthentication.type(authentication);
        ReplicaAuthentication.thumbprint(thumbprint);
        EnableReplication.Settings settings;
        try {
            settings = new EnableReplication.Settings(replicaServer, port != null ? port : type == 1 ? 80 : 443, type,
                    thumbprint, recoveryHistory, frequency, !noCompression);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return replica.run(new EnableReplication(settings), ref, options);
    }
}
