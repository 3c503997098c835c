package io.hypervwsman.sim;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hypervwsman.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a simulated Hyper-V host holds and how it behaves: host name, accounts (without passwords), VMs with
 * their replication relationships, per-method behaviour and injected faults. Read from JSON.
 *
 * @param host              NetBIOS name of the host (SystemName of the replication service)
 * @param dnsDomain         DNS domain; the host's FQDN appears as Machine in faults
 * @param users             accounts as {@code DOMAIN\\user}; passwords come from whoever starts the host
 * @param enumerationExpiry how long an unused enumeration context lives (ISO-8601 duration)
 * @param behaviours        behaviour per method name for every VM, unless the VM overrides it
 * @param vms               the virtual machines
 * @param faults            faults the host shows for an operation or method
 * @param replicationServer the host's Replica server settings (Msvm_ReplicationServiceSettingData and
 *                          authorization entries); default: not a Replica server
 */
public record Scenario(String host, String dnsDomain, List<String> users, String enumerationExpiry,
                       Map<String, Behaviour> behaviours, List<Vm> vms, List<Fault> faults,
                       ReplicationServer replicationServer) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public Scenario {
        host = host == null ? "HV01" : host;
        dnsDomain = dnsDomain == null ? "lab.example" : dnsDomain;
        users = users == null || users.isEmpty() ? List.of("LAB\\operator") : List.copyOf(users);
        enumerationExpiry = enumerationExpiry == null ? "PT2M" : enumerationExpiry;
        parseDuration(enumerationExpiry, "enumerationExpiry");
        behaviours = behaviours == null ? Map.of() : Map.copyOf(behaviours);
        vms = vms == null ? List.of() : List.copyOf(vms);
        faults = faults == null ? List.of() : List.copyOf(faults);
        replicationServer = replicationServer == null ? ReplicationServer.DISABLED : replicationServer;
        for (String u : users) {
            if (u.indexOf('\\') <= 0) {
                throw new ConfigurationException("user " + u + " is not DOMAIN\\name");
            }
        }
    }

    /** A scenario without Replica server settings. */
    public Scenario(String host, String dnsDomain, List<String> users, String enumerationExpiry,
                    Map<String, Behaviour> behaviours, List<Vm> vms, List<Fault> faults) {
        this(host, dnsDomain, users, enumerationExpiry, behaviours, vms, faults, null);
    }

    /** Reads a scenario file. */
    public static Scenario load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new ConfigurationException("cannot read scenario " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads {@code scenarios/<name>.json} from the class path (e.g. "default"). */
    public static Scenario fromResource(String name) {
        String path = "scenarios/" + name + ".json";
        try (InputStream in = Scenario.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new ConfigurationException("no scenario resource " + path);
            }
            return read(in, path);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read scenario " + path + ": " + e.getMessage(), e);
        }
    }

    private static Scenario read(InputStream in, String source) throws IOException {
        try {
            return JSON.readValue(in, Scenario.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new ConfigurationException("invalid scenario " + source + ": " + e.getOriginalMessage(), e);
        }
    }

    Duration enumerationExpiryDuration() {
        return parseDuration(enumerationExpiry, "enumerationExpiry");
    }

    /** The VM named {@code name}; fails when there is none or more than one. */
    public Vm vm(String name) {
        List<Vm> found = vms.stream().filter(v -> v.name().equals(name)).toList();
        if (found.size() != 1) {
            throw new IllegalArgumentException(found.size() + " VMs named " + name);
        }
        return found.get(0);
    }

    static Duration parseDuration(String text, String field) {
        try {
            return Duration.parse(text);
        } catch (RuntimeException e) {
            throw new ConfigurationException(field + " is not an ISO-8601 duration: " + text, e);
        }
    }

    static Instant parseInstant(String text, String field) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (RuntimeException e) {
            throw new ConfigurationException(field + " is not an ISO-8601 instant: " + text, e);
        }
    }

    /** VM power state (Msvm_ComputerSystem.EnabledState). */
    public enum Power {
        @JsonProperty("running") RUNNING(2),
        @JsonProperty("off") OFF(3),
        @JsonProperty("saved") SAVED(6),
        @JsonProperty("paused") PAUSED(9);

        private final int enabledState;

        Power(int enabledState) {
            this.enabledState = enabledState;
        }

        /** The EnabledState value. */
        public int enabledState() {
            return enabledState;
        }
    }

    /**
     * A virtual machine.
     *
     * @param name            ElementName (need not be unique)
     * @param id              the VM GUID (Msvm_ComputerSystem.Name)
     * @param power           running, off, saved or paused
     * @param replicationMode 0 none, 1 primary, 2 replica, 3 test replica, 4 extended replica
     * @param relationships   \HVR\0 first, then \HVR\1 (extended) if any
     * @param testReplicaOf   for a test VM (mode 3): the name or id of the replica it was created from
     * @param behaviours      behaviour per method name, overriding the scenario's
     * @param recoveryPoints  the VM's snapshots (for a replica: recovery points), oldest first
     * @param networkAdapters its synthetic network adapters with their failover IP settings
     * @param shutdownComponent whether the guest's shutdown integration service answers (Msvm_ShutdownComponent,
     *                          shown while the VM runs); default true
     */
    public record Vm(String name, String id, Power power, Integer replicationMode, List<Relationship> relationships,
                     String testReplicaOf, Map<String, Behaviour> behaviours, List<RecoveryPoint> recoveryPoints,
                     List<NetworkAdapter> networkAdapters, Boolean shutdownComponent) {
        public Vm {
            shutdownComponent = shutdownComponent == null || shutdownComponent;
            Objects.requireNonNull(name, "VM name");
            Objects.requireNonNull(id, "VM id of " + name);
            power = power == null ? Power.OFF : power;
            replicationMode = replicationMode == null ? 0 : replicationMode;
            relationships = relationships == null ? List.of() : List.copyOf(relationships);
            behaviours = behaviours == null ? Map.of() : Map.copyOf(behaviours);
            recoveryPoints = recoveryPoints == null ? List.of() : List.copyOf(recoveryPoints);
            networkAdapters = networkAdapters == null ? List.of() : List.copyOf(networkAdapters);
        }

        /** A VM without network adapters. */
        public Vm(String name, String id, Power power, Integer replicationMode, List<Relationship> relationships,
                  String testReplicaOf, Map<String, Behaviour> behaviours, List<RecoveryPoint> recoveryPoints) {
            this(name, id, power, replicationMode, relationships, testReplicaOf, behaviours, recoveryPoints, null);
        }

        /** A VM whose shutdown integration service answers. */
        public Vm(String name, String id, Power power, Integer replicationMode, List<Relationship> relationships,
                  String testReplicaOf, Map<String, Behaviour> behaviours, List<RecoveryPoint> recoveryPoints,
                  List<NetworkAdapter> networkAdapters) {
            this(name, id, power, replicationMode, relationships, testReplicaOf, behaviours, recoveryPoints,
                    networkAdapters, null);
        }
    }

    /**
     * A synthetic network adapter (Msvm_SyntheticEthernetPortSettingData) and the IP settings its guest gets after a
     * failover (Msvm_FailoverNetworkAdapterSettingData, ProtocolIFType 4096 IPv4).
     *
     * @param name        its ElementName, e.g. "Network Adapter"
     * @param id          its GUID; InstanceID is {@code Microsoft:<VM id>\<id>}
     * @param mac         its Address (12 hex digits)
     * @param dhcp        DHCPEnabled of the failover settings
     * @param ipAddresses failover IP addresses; empty with dhcp: no static failover settings
     * @param subnets     their subnet masks
     * @param gateways    default gateways
     * @param dnsServers  DNS servers
     */
    public record NetworkAdapter(String name, String id, String mac, Boolean dhcp, List<String> ipAddresses,
                                 List<String> subnets, List<String> gateways, List<String> dnsServers) {
        public NetworkAdapter {
            Objects.requireNonNull(id, "network adapter id");
            name = name == null ? "Network Adapter" : name;
            mac = mac == null ? "00155D000000" : mac;
            dhcp = dhcp == null ? Boolean.TRUE : dhcp;
            ipAddresses = ipAddresses == null ? List.of() : List.copyOf(ipAddresses);
            subnets = subnets == null ? List.of() : List.copyOf(subnets);
            gateways = gateways == null ? List.of() : List.copyOf(gateways);
            dnsServers = dnsServers == null ? List.of() : List.copyOf(dnsServers);
        }
    }

    /**
     * The Replica server settings of the host (Get-VMReplicationServer).
     *
     * @param enabled                   RecoveryServerEnabled
     * @param authenticationType        AllowedAuthenticationType: 1 Kerberos, 2 certificate, 3 both
     * @param certificateThumbprint     CertificateThumbPrint
     * @param httpPort                  HttpPort (Kerberos)
     * @param httpsPort                 HttpsPort (certificate)
     * @param monitoringInterval        MonitoringInterval in seconds
     * @param monitoringStartTime       MonitoringStartTime (ISO-8601)
     * @param authorizationEntries      Msvm_ReplicationAuthorizationSettingData; AllowedPrimaryHostSystem "*" means
     *                                  any server (with its storage location the default)
     */
    public record ReplicationServer(Boolean enabled, Integer authenticationType, String certificateThumbprint,
                                    Integer httpPort, Integer httpsPort, Integer monitoringInterval,
                                    String monitoringStartTime, List<AuthorizationEntry> authorizationEntries) {
        static final ReplicationServer DISABLED = new ReplicationServer(false, null, null, null, null, null, null,
                null);

        public ReplicationServer {
            enabled = enabled == null ? Boolean.FALSE : enabled;
            authenticationType = authenticationType == null ? 0 : authenticationType;
            httpPort = httpPort == null ? 80 : httpPort;
            httpsPort = httpsPort == null ? 443 : httpsPort;
            monitoringInterval = monitoringInterval == null ? 43200 : monitoringInterval;
            parseInstant(monitoringStartTime, "monitoringStartTime");
            authorizationEntries = authorizationEntries == null ? List.of() : List.copyOf(authorizationEntries);
        }
    }

    /**
     * One authorization entry of a Replica server.
     *
     * @param allowedPrimaryServer AllowedPrimaryHostSystem (FQDN, wildcard such as *.lab.example, or "*")
     * @param trustGroup           TrustGroup
     * @param storageLocation      ReplicaStorageLocation
     */
    public record AuthorizationEntry(String allowedPrimaryServer, String trustGroup, String storageLocation) {
        public AuthorizationEntry {
            Objects.requireNonNull(allowedPrimaryServer, "allowedPrimaryServer");
        }
    }

    /**
     * A snapshot of a VM (Msvm_VirtualSystemSettingData associated by Msvm_SnapshotOfVirtualSystem).
     *
     * @param name    its ElementName
     * @param id      its GUID; InstanceID is {@code Microsoft:<id>}
     * @param created its CreationTime (ISO-8601)
     * @param type    its VirtualSystemType (default Microsoft:Hyper-V:Snapshot:Replica)
     */
    public record RecoveryPoint(String name, String id, String created, String type) {
        public RecoveryPoint {
            Objects.requireNonNull(name, "recovery point name");
            Objects.requireNonNull(id, "recovery point id of " + name);
            parseInstant(created, "created");
            type = type == null ? "Microsoft:Hyper-V:Snapshot:Replica" : type;
        }
    }

    /**
     * One Msvm_ReplicationRelationship of a VM.
     *
     * @param state  ReplicationState (3 Replicating, 5 Recovered, 6 Committed, ...)
     * @param health ReplicationHealth (1 Ok, 2 Warning, 3 Critical)
     * @param primaryServer  PrimaryConnectionPoint of its settings (default: this host for a primary, HV02 else)
     * @param recoveryServer RecoveryConnectionPoint of its settings (default: this host for a replica, HV02 else)
     * @param statistics     what GetReplicationStatistics(Ex) returns for it (default: all zero, no issues)
     */
    public record Relationship(Integer state, Integer health, String lastReplicationTime,
                               String lastApplicationConsistentReplicationTime, Integer failedOverReplicationType,
                               Integer lastReplicationType, String primaryServer, String recoveryServer,
                               Statistics statistics) {
        public Relationship {
            state = state == null ? 0 : state;
            health = health == null ? 1 : health;
            failedOverReplicationType = failedOverReplicationType == null ? 0 : failedOverReplicationType;
            lastReplicationType = lastReplicationType == null ? 1 : lastReplicationType;
            parseInstant(lastReplicationTime, "lastReplicationTime");
            parseInstant(lastApplicationConsistentReplicationTime, "lastApplicationConsistentReplicationTime");
            statistics = statistics == null ? Statistics.NONE : statistics;
        }

        /** A relationship without statistics. */
        public Relationship(Integer state, Integer health, String lastReplicationTime,
                            String lastApplicationConsistentReplicationTime, Integer failedOverReplicationType,
                            Integer lastReplicationType, String primaryServer, String recoveryServer) {
            this(state, health, lastReplicationTime, lastApplicationConsistentReplicationTime,
                    failedOverReplicationType, lastReplicationType, primaryServer, recoveryServer, null);
        }
    }

    /**
     * A relationship's Msvm_ReplicationStatistics over the monitoring interval, and its health issues (Msvm_Error
     * messages), as GetReplicationStatistics(Ex) returns them.
     */
    public record Statistics(String start, String end, Long successCount, Long size, Long maxSize, Long latency,
                             Long maxLatency, Long missCount, Long networkFailures, Long replicationFailures,
                             Long pendingSize, Long vssFailures, List<String> healthIssues) {
        static final Statistics NONE = new Statistics(null, null, null, null, null, null, null, null, null, null,
                null, null, null);

        public Statistics {
            parseInstant(start, "statistics start");
            parseInstant(end, "statistics end");
            successCount = successCount == null ? 0 : successCount;
            size = size == null ? 0 : size;
            maxSize = maxSize == null ? 0 : maxSize;
            latency = latency == null ? 0 : latency;
            maxLatency = maxLatency == null ? 0 : maxLatency;
            missCount = missCount == null ? 0 : missCount;
            networkFailures = networkFailures == null ? 0 : networkFailures;
            replicationFailures = replicationFailures == null ? 0 : replicationFailures;
            pendingSize = pendingSize == null ? 0 : pendingSize;
            vssFailures = vssFailures == null ? 0 : vssFailures;
            healthIssues = healthIssues == null ? List.of() : List.copyOf(healthIssues);
        }
    }

    /** How a job ends. */
    public enum Outcome {
        /** JobState 7 Completed, the state change applied. */
        @JsonProperty("success") SUCCESS,
        /** JobState 32768 CompletedWithWarnings, the state change applied. */
        @JsonProperty("warning") WARNING,
        /** JobState 10 Exception, nothing changed. */
        @JsonProperty("exception") EXCEPTION
    }

    /** How a method called in the wrong state answers. */
    public enum WrongStatePath {
        /** ReturnValue 32775 and no job. */
        @JsonProperty("sync") SYNC,
        /** ReturnValue 4096 and a job that ends in JobState 10 with ErrorCode 32775. */
        @JsonProperty("job") JOB
    }

    /**
     * How a method behaves.
     *
     * @param jobDuration             how long its job runs (ISO-8601, default PT2S)
     * @param outcome                 success, warning or exception
     * @param errorCode               Msvm_ConcreteJob.ErrorCode for warning/exception (default 32768 for exception)
     * @param errorSummaryDescription ErrorSummaryDescription of a failed job
     * @param errorDescription        ErrorDescription of a failed job; also the Message of its Msvm_Error
     * @param errorMessages           further Msvm_Error messages GetErrorEx returns
     * @param wrongState              sync or job
     */
    public record Behaviour(String jobDuration, Outcome outcome, Integer errorCode, String errorSummaryDescription,
                            String errorDescription, List<String> errorMessages, WrongStatePath wrongState,
                            Integer returnValue) {
        /** Success after two seconds; wrong state answered synchronously. */
        public static final Behaviour DEFAULT = new Behaviour(null, null, null, null, null, null, null, null);

        public Behaviour {
            jobDuration = jobDuration == null ? "PT2S" : jobDuration;
            parseDuration(jobDuration, "jobDuration");
            outcome = outcome == null ? Outcome.SUCCESS : outcome;
            errorMessages = errorMessages == null ? List.of() : List.copyOf(errorMessages);
            wrongState = wrongState == null ? WrongStatePath.SYNC : wrongState;
        }

        Duration duration() {
            return parseDuration(jobDuration, "jobDuration");
        }

        Optional<Integer> error() {
            return Optional.ofNullable(errorCode);
        }
    }

    /**
     * A fault the host shows.
     *
     * @param operation a method name (RevertFailover) or Get, Enumerate, Pull, Release
     * @param kind      the fault, named in the file as in {@link HostFault#fromScenarioName} (quota,
     *                  drop-after-processing, slow-reply, service-unavailable, ...)
     * @param times     how many times it fires (default 1; -1 for always)
     */
    public record Fault(String operation, HostFault kind, Integer times) {
        public Fault {
            Objects.requireNonNull(operation, "fault operation");
            Objects.requireNonNull(kind, "fault kind");
            times = times == null ? 1 : times;
        }

        @JsonCreator
        static Fault read(@JsonProperty("operation") String operation, @JsonProperty("kind") String kind,
                          @JsonProperty("times") Integer times) {
            return new Fault(operation, kind == null ? null : HostFault.fromScenarioName(kind), times);
        }
    }
}
