package io.hypervwsman.cli;

import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.ReverseOptions;
import io.hypervwsman.hyperv.VmRef;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Make a failed-over replica the primary, replicating back (Set-VMReplication -Reverse). */
@Command(name = "reverse-replication", mixinStandardHelpOptions = true,
        description = "Make a failed-over replica VM the primary and replicate it back (Set-VMReplication -Reverse).")
final class ReverseReplicationCommand extends ReplicaVerbCommand {
    @Option(names = "--replica-server", paramLabel = "HOST",
            description = "The new replica server (default: the server the VM failed over from).")
    String replicaServer;

    @Option(names = "--replica-port", paramLabel = "PORT",
            description = "Its Hyper-V Replica listener port (default: as configured now).")
    Integer port;

    @Option(names = "--replica-authentication", paramLabel = "kerberos|certificate",
            description = "How to authenticate to the replica server (default: as configured now).")
    String authentication;

    @Option(names = "--certificate-thumbprint", paramLabel = "THUMBPRINT",
            description = "The certificate for --replica-authentication certificate.")
    String thumbprint;

    @Override
    String operation() {
        return "ReverseReplicationRelationship";
    }

    @Override
    OperationOutcome perform(ReplicaOperations replica, VmRef ref, OperationOptions options) {
        Integer type = ReplicaAuthentication.type(authentication);
        ReplicaAuthentication.thumbprint(thumbprint);
        ReverseOptions reverse;
        try {
            reverse = new ReverseOptions(replicaServer, port, type, thumbprint);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return replica.reverseReplication(ref, reverse, options);
    }
}
