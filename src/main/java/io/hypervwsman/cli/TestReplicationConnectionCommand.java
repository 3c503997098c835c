package io.hypervwsman.cli;

import io.hypervwsman.hyperv.replica.DecidedBy;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.TestReplicationConnection;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Test-VMReplicationConnection: can this host (a primary) replicate to the Replica server named? */
@Command(name = "test-replication-connection", mixinStandardHelpOptions = true,
        description = "Test-VMReplicationConnection: test the connection from this host to a Replica server"
                + " (TestReplicationConnection); a failure gives the host's reason.")
final class TestReplicationConnectionCommand extends HostVerbCommand {
    @Option(names = "--replica-server", required = true, paramLabel = "HOST",
            description = "The Replica server to reach from this host.")
    String replicaServer;

    @Option(names = "--replica-port", paramLabel = "PORT",
            description = "Its listener port (default 80 for kerberos, 443 for certificate).")
    Integer port;

    @Option(names = "--replica-authentication", paramLabel = "kerberos|certificate", defaultValue = "kerberos",
            description = "How to authenticate to it (default kerberos).")
    String authentication;

    @Option(names = "--certificate-thumbprint", paramLabel = "THUMBPRINT",
            description = "This host's certificate, for certificate authentication.")
    String thumbprint;

    @Option(names = "--bypass-proxy", description = "Do not go through the proxy server.")
    boolean bypassProxy;

    @Override
    String operation() {
        return "test-replication-connection";
    }

    @Override
    int run(ConnectionMixin.Session session, boolean json) {
        int type = ReplicaAuthentication.type(authentication);
        ReplicaAuthentication.thumbprint(thumbprint);
        TestReplicationConnection verb;
        try {
            verb = new TestReplicationConnection(replicaServer, port != null ? port : type == 1 ? 80 : 443, type,
                    thumbprint, bypassProxy);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        OperationOutcome outcome = runSteps(session, json, List.of(verb)).get(0);
        if (outcome.decidedBy() == DecidedBy.PRE_CHECK) {
            report.refusal(outcome, null);
        } else {
            // A test changes nothing on the host, whatever its end (null: not known whether it ran).
            report.print(outcome, resumeFor(outcome), java.util.Collections.singletonMap("changed",
                    outcome.changed() == null ? null : Boolean.FALSE));
        }
        return ExitCodes.of(outcome.outcome());
    }
}
