package io.hypervwsman.cli;

import io.hypervwsman.hyperv.ReplicaServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

/** {@code replication-server show}: Get-VMReplicationServer over WS-Man. */
@Command(name = "replication-server", mixinStandardHelpOptions = true,
        description = "The host's Hyper-V Replica server settings.",
        subcommands = ReplicationServerCommand.Show.class)
final class ReplicationServerCommand {

    /** {@code replication-server show}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Replica server settings and authorization entries (Get-VMReplicationServer).")
    static final class Show extends HostCommand {
        @Override
        String operation() {
            return "ReplicationServerShow";
        }

        @Override
        int run(ConnectionMixin.Session session, boolean json) {
            ReplicaServer s = session.host().replicaQueries().replicaServer();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("host", session.label());
            m.put("replicationEnabled", s.enabled());
            m.put("allowedAuthenticationType", s.authenticationTypeName());
            m.put("wmiAllowedAuthenticationType", s.authenticationType());
            m.put("kerberosAuthenticationPort", s.httpPort());
            m.put("certificateAuthenticationPort", s.httpsPort());
            m.put("certificateThumbprint", s.certificateThumbprint().orElse(null));
            m.put("replicationAllowedFromAnyServer", s.allowedFromAnyServer());
            m.put("defaultStorageLocation", s.defaultStorageLocation().orElse(null));
            m.put("monitoringIntervalSeconds", s.monitoringInterval());
            m.put("monitoringStartTime", s.monitoringStartTime().map(Object::toString).orElse(null));
            List<Map<String, Object>> entries = s.entries().stream().map(e -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("allowedPrimaryServer", e.allowedPrimaryServer());
                row.put("trustGroup", e.trustGroup());
                row.put("storageLocation", e.storageLocation());
                return row;
            }).collect(Collectors.toList());
            m.put("authorizationEntries", entries);
            if (json) {
                terminal.out().println(OutcomeReport.write(m));
                return 0;
            }
            m.forEach((k, v) -> {
                if (!"authorizationEntries".equals(k)) {
                    terminal.out().printf("%-32s %s%n", k, v == null ? "-" : v);
                }
            });
            for (ReplicaServer.AuthorizationEntry e : s.entries()) {
                terminal.out().printf("authorization: %s  trust group %s  storage %s%n", e.allowedPrimaryServer(),
                        e.trustGroup(), e.storageLocation());
            }
            return 0;
        }
    }
}
