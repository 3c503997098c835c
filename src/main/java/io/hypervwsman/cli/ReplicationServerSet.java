package io.hypervwsman.cli;

import io.hypervwsman.hyperv.ReplicaServer;
import io.hypervwsman.hyperv.replica.HostVerb;
import io.hypervwsman.hyperv.replica.ReplicaServerChange;
import io.hypervwsman.hyperv.replica.SetReplicationServer;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code replication-server set}: Set-VMReplicationServer. */
@Command(name = "set", mixinStandardHelpOptions = true,
        description = "Set-VMReplicationServer: change the settings given (ModifyServiceSettings; allowing any server"
                + " is the authorization entry for \"*\"), showing them before and after as the host reads them.")
final class ReplicationServerSet extends ReplicationServerChangeCommand {
    @Option(names = "--replication-enabled", arity = "1", paramLabel = "true|false",
            description = "Whether this host is a Replica server (false also clears the authentication settings).")
    Boolean enabled;

    @Option(names = "--allowed-authentication", paramLabel = "kerberos|certificate|both",
            description = "The authentication primary servers may use.")
    String authentication;

    @Option(names = "--certificate-thumbprint", paramLabel = "THUMBPRINT",
            description = "This host's certificate for certificate authentication.")
    String thumbprint;

    @Option(names = "--kerberos-port", paramLabel = "PORT", description = "The HTTP (Kerberos) listener port.")
    Integer kerberosPort;

    @Option(names = "--certificate-port", paramLabel = "PORT", description = "The HTTPS (certificate) listener port.")
    Integer certificatePort;

    @Option(names = "--allow-any-server", arity = "1", paramLabel = "true|false",
            description = "Accept replication from any authenticated primary server (needs --default-storage).")
    Boolean allowAnyServer;

    @Option(names = "--default-storage", paramLabel = "PATH",
            description = "Where replicas from any server are stored.")
    String defaultStorage;

    @Override
    List<HostVerb> steps(ReplicaServer before) {
        ReplicaAuthentication.thumbprint(thumbprint);
        Integer type = authentication == null ? null : switch (authentication.toLowerCase(Locale.ROOT)) {
            case "kerberos" -> 1;
            case "certificate" -> 2;
            case "both" -> 3;
            default -> throw new UsageException("--allowed-authentication must be kerberos, certificate or both, not "
                    + authentication);
        };
        boolean settings = enabled != null || type != null || thumbprint != null || kerberosPort != null
                || certificatePort != null;
        return new ReplicaServerChange(settings ? new SetReplicationServer(enabled, type, thumbprint, kerberosPort,
                certificatePort) : null, allowAnyServer, defaultStorage).steps(before);
    }
}
