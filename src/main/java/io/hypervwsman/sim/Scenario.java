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
 */
public record Scenario(String host, String dnsDomain, List<String> users, String enumerationExpiry,
                       Map<String, Behaviour> behaviours, List<Vm> vms, List<Fault> faults) {

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
        for (String u : users) {
            if (u.indexOf('\\') <= 0) {
                throw new ConfigurationException("user " + u + " is not DOMAIN\\name");
            }
        }
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
     */
    public record Vm(String name, String id, Power power, Integer replicationMode, List<Relationship> relationships,
                     String testReplicaOf, Map<String, Behaviour> behaviours, List<RecoveryPoint> recoveryPoints) {
        public Vm {
            Objects.requireNonNull(name, "VM name");
            Objects.requireNonNull(id, "VM id of " + name);
            power = power == null ? Power.OFF : power;
            replicationMode = replicationMode == null ? 0 : replicationMode;
            relationships = relationships == null ? List.of() : List.copyOf(relationships);
            behaviours = behaviours == null ? Map.of() : Map.copyOf(behaviours);
            recoveryPoints = recoveryPoints == null ? List.of() : List.copyOf(recoveryPoints);
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
     */
    public record Relationship(Integer state, Integer health, String lastReplicationTime,
                               String lastApplicationConsistentReplicationTime, Integer failedOverReplicationType,
                               Integer lastReplicationType, String primaryServer, String recoveryServer) {
        public Relationship {
            state = state == null ? 0 : state;
            health = health == null ? 1 : health;
            failedOverReplicationType = failedOverReplicationType == null ? 0 : failedOverReplicationType;
            lastReplicationType = lastReplicationType == null ? 1 : lastReplicationType;
            parseInstant(lastReplicationTime, "lastReplicationTime");
            parseInstant(lastApplicationConsistentReplicationTime, "lastApplicationConsistentReplicationTime");
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
