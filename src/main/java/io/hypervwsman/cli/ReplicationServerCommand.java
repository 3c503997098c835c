package io.hypervwsman.cli;

import io.hypervwsman.hyperv.ReplicaServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

/** {@code replication-server show|set|add-entry|remove-entry|set-entry}: Get/Set-VMReplicationServer over WS-Man. */
@Command(name = "replication-server", mixinStandardHelpOptions = true,
        description = "The host's Hyper-V Replica server settings.",
        subcommands = {ReplicationServerCommand.Show.class, ReplicationServerSet.class,
                ReplicationServerEntries.Add.class, ReplicationServerEntries.Remove.class,
                ReplicationServerEntries.Change.class})
final class ReplicationServerCommand {

    /** The settings as "show" prints them and "set" reports them before and after (the JSON fields). */
    static Map<String, Object> settings(ReplicaServer s) {
        Map<String, Object> m = new LinkedHashMap<>();
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
        m.put("authorizationEntries", entries(s));
        return m;
    }

    private static List<Map<String, Object>> entries(ReplicaServer s) {
        return s.entries().stream().map(e -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("allowedPrimaryServer", e.allowedPrimaryServer());
            row.put("trustGroup", e.trustGroup());
            row.put("storageLocation", e.storageLocation());
            return row;
        }).collect(Collectors.toList());
    }

    /** One authorization entry as the text output shows it. */
    static String entryLine(ReplicaServer.AuthorizationEntry e) {
        return "authorization: " + e.allowedPrimaryServer() + "  trust group " + e.trustGroup() + "  storage "
                + e.storageLocation();
    }

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
            m.putAll(settings(s));
            if (json) {
                terminal.out().println(OutcomeReport.write(m));
                return 0;
            }
            m.forEach((k, v) -> {
                if (!"authorizationEntries".equals(k)) {
                    terminal.out().printf("%-32s %s%n", k, v == null ? "-" : v);
                }
            });
            s.entries().forEach(e -> terminal.out().println(entryLine(e)));
            return 0;
        }
    }
}
