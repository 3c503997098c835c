package io.hypervwsman.hyperv;

import io.hypervwsman.Hint;
import io.hypervwsman.OperationFailedException;
import io.hypervwsman.wsman.CimInstance;
import io.hypervwsman.wsman.EmbeddedInstance;
import io.hypervwsman.wsman.EndpointReference;
import io.hypervwsman.wsman.EnumerateOptions;
import io.hypervwsman.wsman.Enumeration;
import io.hypervwsman.wsman.MethodInput;
import io.hypervwsman.wsman.MethodOutput;
import io.hypervwsman.wsman.ProtocolException;
import io.hypervwsman.wsman.WsManClient;
import io.hypervwsman.wsman.WsManFaultException;
import io.hypervwsman.wsman.Wql;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Read-only Replica queries that change nothing on the host: replication statistics (Measure-VMReplication), the
 * Replica server settings (Get-VMReplicationServer) and the failover IP settings of a VM's adapters
 * (Get-VMNetworkAdapterFailoverConfiguration).
 */
public final class ReplicaQueries {
    static final String STATISTICS_EX = "GetReplicationStatisticsEx";
    static final String STATISTICS = "GetReplicationStatistics";

    private final WsManClient client;
    private final String host;
    private final VirtualMachines vms;

    ReplicaQueries(WsManClient client, String host, VirtualMachines vms) {
        this.client = client;
        this.host = host;
        this.vms = vms;
    }

    /**
     * The VM's primary relationship and its statistics. GetReplicationStatisticsEx (Windows 8.1 / 2012 R2 on) is
     * asked first with the relationship as an embedded instance; a host that refuses it (a fault, or ReturnValue
     * Not Supported / Invalid parameter) is asked GetReplicationStatistics, which reads the primary relationship.
     *
     * @throws OperationFailedException if the VM is not replicated or the host refuses both methods
     */
    public ReplicationMeasurement measure(VirtualMachine vm) {
        Relationship rel = vms.primaryRelationship(vm).filter(r -> r.state() != ReplicationState.DISABLED)
                .orElseThrow(() -> new OperationFailedException(vm.name() + " is not replicated on " + host));
        EndpointReference service = replicationService();
        EmbeddedInstance relationship = EmbeddedInstance.of("Msvm_ReplicationRelationship")
                .set("InstanceID", EmbeddedInstance.CimType.STRING, rel.instanceId())
                .set("ReplicationHealth", EmbeddedInstance.CimType.UINT16, rel.health())
                .set("ReplicationState", EmbeddedInstance.CimType.UINT16, rel.state().value());
        MethodInput ex = MethodInput.create().addReference("ComputerSystem", vm.reference())
                .add("ReplicationRelationship", relationship.toCimXml());
        String method = STATISTICS_EX;
        Optional<MethodOutput> out = tryStatistics(service, STATISTICS_EX, ex);
        if (out.isEmpty()) {
            method = STATISTICS;
            out = tryStatistics(service, STATISTICS, MethodInput.create().addReference("ComputerSystem",
                    vm.reference()));
        }
        MethodOutput o = out.orElseThrow(() -> new OperationFailedException(host + " refused both "
                + STATISTICS_EX + " and " + STATISTICS + " for " + vm.name()));
        long rv = o.returnValue();
        if (rv != ReturnValues.COMPLETED) {
            throw new OperationFailedException(host + " answered " + o.className() + " for " + vm.name() + " with "
                    + ReturnValues.meaning(rv) + " (" + rv + ")");
        }
        return measurement(rel, o, method);
    }

    private Optional<MethodOutput> tryStatistics(EndpointReference service, String method, MethodInput input) {
        try {
            MethodOutput o = client.invoke(service, method, input);
            long rv = o.returnValue();
            // Not Supported / Invalid parameter: an older host, or one that reads the Ex arguments differently.
            return rv == 32770 || rv == 32773 ? Optional.empty() : Optional.of(o);
        } catch (WsManFaultException e) {
            if (e.fault().isTimedOut()) {
                throw e;
            }
            return Optional.empty();
        }
    }

    private static ReplicationMeasurement measurement(Relationship rel, MethodOutput o, String method) {
        List<String> stats = o.strings("ReplicationStatistics");
        if (stats.isEmpty()) {
            throw new ProtocolException(method + " completed without ReplicationStatistics");
        }
        EmbeddedInstance s = EmbeddedInstance.parse(stats.get(0));
        Map<String, String> all = new LinkedHashMap<>();
        s.properties().forEach((k, p) -> all.put(k, p.value().orElse(null)));
        List<String> issues = o.strings("ReplicationHealthIssues").stream()
                .map(t -> EmbeddedInstance.parse(t).value("Message").orElse(t)).collect(Collectors.toList());
        return new ReplicationMeasurement(rel, number(s, "ReplicationSuccessCount"), number(s, "ReplicationMissCount"),
                number(s, "ReplicationSize"), number(s, "MaxReplicationSize"), number(s, "ReplicationLatency"),
                number(s, "MaxReplicationLatency"),
                number(s, "NetworkFailureCount") + number(s, "ReplicationFailureCount"),
                number(s, "PendingReplicationSize"), List.copyOf(issues), all, method);
    }

    private static long number(EmbeddedInstance s, String name) {
        String v = s.value(name).orElse("0").trim();
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new ProtocolException("Msvm_ReplicationStatistics." + name + " is not a number: " + v);
        }
    }

    /** The host's Replica server settings and authorization entries. */
    public ReplicaServer replicaServer() {
        List<CimInstance> settings = query("SELECT * FROM Msvm_ReplicationServiceSettingData");
        if (settings.isEmpty()) {
            throw new OperationFailedException(host + " has no Msvm_ReplicationServiceSettingData",
                    Hint.of(Hint.Kind.CHECK_REPLICA_ROLE, host));
        }
        CimInstance s = settings.get(0);
        List<ReplicaServer.AuthorizationEntry> entries = query(
                "SELECT * FROM Msvm_ReplicationAuthorizationSettingData").stream()
                .map(e -> new ReplicaServer.AuthorizationEntry(e.string("AllowedPrimaryHostSystem").orElse(""),
                        e.string("TrustGroup").orElse(""), e.string("ReplicaStorageLocation").orElse("")))
                .collect(Collectors.toList());
        return new ReplicaServer(s.bool("RecoveryServerEnabled").orElse(false),
                s.number("AllowedAuthenticationType").orElse(0L).intValue(), s.string("CertificateThumbPrint"),
                s.number("HttpPort").orElse(80L).intValue(), s.number("HttpsPort").orElse(443L).intValue(),
                s.number("MonitoringInterval").orElse(0L), datetime(s, "MonitoringStartTime"), List.copyOf(entries));
    }

    private static Optional<Instant> datetime(CimInstance s, String name) {
        try {
            return s.datetime(name);
        } catch (RuntimeException e) {
            // MonitoringStartTime may come as a time of day (an interval-like datetime) rather than a date.
            return Optional.empty();
        }
    }

    /**
     * The VM's synthetic network adapters (components of its realized settings {@code Microsoft:<VM id>}) with their
     * failover IP settings. Which association links an adapter to its Msvm_FailoverNetworkAdapterSettingData is not
     * documented: ASSOCIATORS OF the adapter is asked first, then every instance of the class is matched by the
     * adapter's InstanceID prefix.
     */
    public List<FailoverNetworkSettings> failoverNetwork(VirtualMachine vm) {
        List<CimInstance> adapters = query("ASSOCIATORS OF {Msvm_VirtualSystemSettingData.InstanceID="
                + Wql.literal("Microsoft:" + vm.id()) + "} WHERE ResultClass = Msvm_SyntheticEthernetPortSettingData");
        List<CimInstance> everyFailoverSetting = null;
        List<FailoverNetworkSettings> out = new ArrayList<>();
        for (CimInstance a : adapters) {
            String id = a.string("InstanceID").orElse("");
            List<CimInstance> found = query("ASSOCIATORS OF {Msvm_SyntheticEthernetPortSettingData.InstanceID="
                    + Wql.literal(id) + "} WHERE ResultClass = Msvm_FailoverNetworkAdapterSettingData");
            if (found.isEmpty()) {
                if (everyFailoverSetting == null) {
                    everyFailoverSetting = query("SELECT * FROM Msvm_FailoverNetworkAdapterSettingData");
                }
                found = everyFailoverSetting.stream().filter(f -> !id.isEmpty() && f.string("InstanceID")
                        .map(i -> i.regionMatches(true, 0, id, 0, id.length())).orElse(false))
                        .collect(Collectors.toList());
            }
            Optional<CimInstance> f = found.stream().findFirst();
            out.add(new FailoverNetworkSettings(a.string("ElementName").orElse(""), id,
                    a.string("Address").orElse(""),
                    f.flatMap(x -> x.number("ProtocolIFType")).map(Long::intValue),
                    f.flatMap(x -> x.bool("DHCPEnabled")),
                    f.map(x -> x.strings("IPAddresses")).orElse(List.of()),
                    f.map(x -> x.strings("Subnets")).orElse(List.of()),
                    f.map(x -> x.strings("DefaultGateways")).orElse(List.of()),
                    f.map(x -> x.strings("DNSServers")).orElse(List.of()),
                    f.flatMap(x -> x.string("InstanceID")).orElse(null)));
        }
        return out;
    }

    private List<CimInstance> query(String wql) {
        try (Enumeration<CimInstance> e = client.enumerate(HyperVResources.ALL, EnumerateOptions.wql(wql))) {
            return e.stream().collect(Collectors.toList());
        }
    }

    private EndpointReference replicationService() {
        try (Enumeration<EndpointReference> refs = client.enumerateReferences(HyperVResources.ALL,
                EnumerateOptions.wql("SELECT * FROM Msvm_ReplicationService"))) {
            return refs.stream().findFirst().orElseThrow(() -> new OperationFailedException(
                    "the Hyper-V Replica service is not available on " + host,
                    Hint.of(Hint.Kind.CHECK_REPLICA_ROLE, host)));
        }
    }
}
