package io.hypervwsman.hyperv;

import io.hypervwsman.wsman.CimInstance;
import io.hypervwsman.wsman.EndpointReference;
import io.hypervwsman.wsman.EnumerateOptions;
import io.hypervwsman.wsman.Enumeration;
import io.hypervwsman.wsman.Wql;
import io.hypervwsman.wsman.WsManClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Finds the Msvm_ConcreteJob an Invoke started when the Invoke's reply was lost: the jobs associated with the VM
 * through Msvm_AffectedJobElement, of the method's JobType, started no earlier than the Invoke was sent. Exactly one
 * such job is the Invoke's; none or several decide nothing (the caller falls back to the replication state).
 * Finished jobs stay on the host TimeBeforeRemoval (five minutes) after they end, so the search must come soon.
 * Also lists the host's jobs with the VM each affects ({@code job list}).
 */
public final class ConcreteJobFinder {
    /**
     * The default allowance for the host's clock running behind the client's: a job whose StartTime is at most this
     * much before the Invoke was sent (client time) still counts. Kerberos already needs clocks within 5 minutes;
     * a wider allowance only makes an earlier job of the same type a second candidate, and several candidates
     * decide nothing.
     */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);

    /**
     * Msvm_ConcreteJob.JobType of the job each method starts (Microsoft's JobType table; which value a method's job
     * carries is Microsoft's naming, not verified on a live host).
     */
    private static final Map<String, Integer> JOB_TYPES = Map.of(
            "RevertFailover", 98,
            "InitiateFailover", 97,
            "CommitFailover", 99,
            "TestReplicaSystem", 102,
            "ReverseReplicationRelationship", 104,
            "Resynchronize", 107,
            "RequestReplicationStateChange", 96,
            "RequestReplicationStateChangeEx", 96,
            "ModifyServiceSettings", 90,
            "TestReplicationConnection", 115);

    private static final String AFFECTED_JOB_ELEMENT = "Msvm_AffectedJobElement";

    private final WsManClient client;

    public ConcreteJobFinder(WsManClient client) {
        this.client = Objects.requireNonNull(client);
    }

    /** The JobType of the job a Msvm_ReplicationService / Msvm_ComputerSystem method starts, if known. */
    public static OptionalInt jobTypeOf(String method) {
        Integer t = JOB_TYPES.get(method);
        return t == null ? OptionalInt.empty() : OptionalInt.of(t);
    }

    /** What identifies the job of one Invoke: its JobType, the VM (Msvm_ComputerSystem.Name) and when it was sent. */
    public record Criteria(int jobType, String vmId, Instant sentAt, Duration clockSkew) {
        public Criteria {
            Objects.requireNonNull(vmId, "vmId");
            Objects.requireNonNull(sentAt, "sentAt");
            Objects.requireNonNull(clockSkew, "clockSkew");
        }

        /** With {@link #DEFAULT_CLOCK_SKEW}. */
        public static Criteria of(int jobType, String vmId, Instant sentAt) {
            return new Criteria(jobType, vmId, sentAt, DEFAULT_CLOCK_SKEW);
        }

        boolean matches(FoundJob job) {
            return job.jobType() == jobType && job.startTime().map(t -> !t.isBefore(sentAt.minus(clockSkew)))
                    .orElse(false);
        }
    }

    /** A job on the host as one enumeration read it. */
    public record FoundJob(JobReport report, int jobType, Optional<Instant> startTime) {
        /** The EPR to Get or follow the job by (e.g. with a {@link JobTracker}). */
        public EndpointReference reference() {
            return Jobs.reference(report.instanceId());
        }

        static FoundJob from(CimInstance job) {
            return new FoundJob(JobReport.from(job), job.number("JobType").orElse(0L).intValue(),
                    job.datetime("StartTime").or(() -> job.datetime("TimeSubmitted")));
        }
    }

    /** How a search ended: {@link Match#FOUND} carries the one job; otherwise the candidates (none or several). */
    public record Search(Match match, List<FoundJob> candidates) {
        public Search {
            candidates = List.copyOf(candidates);
        }

        /** The job, when exactly one matched. */
        public Optional<FoundJob> job() {
            return match == Match.FOUND ? Optional.of(candidates.get(0)) : Optional.empty();
        }
    }

    /** Whether the search identified the job. */
    public enum Match {
        /** Exactly one job matched: it is the Invoke's. */
        FOUND,
        /** No job matched: the Invoke did not start one, or it is already gone. */
        NONE,
        /** Several jobs matched: none can be told to be the Invoke's. */
        SEVERAL
    }

    /** The Invoke's job, one ASSOCIATORS OF query (the VM's jobs) filtered by JobType and StartTime. */
    public Search find(Criteria criteria) {
        List<FoundJob> matching = jobsOf(criteria.vmId()).stream().filter(criteria::matches)
                .collect(Collectors.toList());
        Match m = matching.isEmpty() ? Match.NONE : matching.size() == 1 ? Match.FOUND : Match.SEVERAL;
        return new Search(m, matching);
    }

    /**
     * The EPR of the job an Invoke of {@code method} on the VM started, sent no earlier than {@code sentAfter}:
     * present only when exactly one job matches and the method's JobType is known. The engine's seam is this one call:
     * {@code ReplicaOperations.of(host, lost -> host.jobFinder().findReference(lost.operation().method(),
     * lost.vm().id(), lost.sentAfter()))}.
     */
    public Optional<EndpointReference> findReference(String method, String vmId, Instant sentAfter) {
        OptionalInt type = jobTypeOf(method);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        return find(Criteria.of(type.getAsInt(), vmId, sentAfter)).job().map(FoundJob::reference);
    }

    /**
     * As {@link #findReference} for a method on the host itself (ModifyServiceSettings, TestReplicationConnection):
     * no VM is associated with its job, so every job on the host of the method's JobType started since the Invoke
     * was sent is a candidate, and only exactly one decides.
     */
    public Optional<EndpointReference> findHostReference(String method, Instant sentAfter) {
        OptionalInt type = jobTypeOf(method);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        Criteria c = new Criteria(type.getAsInt(), "", sentAfter, DEFAULT_CLOCK_SKEW);
        List<FoundJob> matching = query("SELECT * FROM Msvm_ConcreteJob", FoundJob::from).stream()
                .filter(c::matches).collect(Collectors.toList());
        return matching.size() == 1 ? Optional.of(matching.get(0).reference()) : Optional.empty();
    }

    /** The jobs associated with the VM through Msvm_AffectedJobElement, running or finished within TimeBeforeRemoval. */
    public List<FoundJob> jobsOf(String vmId) {
        String wql = "ASSOCIATORS OF {Msvm_ComputerSystem.CreationClassName='Msvm_ComputerSystem',Name="
                + Wql.literal(vmId) + "} WHERE AssocClass = " + AFFECTED_JOB_ELEMENT + " ResultClass = Msvm_ConcreteJob";
        return query(wql, FoundJob::from);
    }

    /** A job on the host and the VM it affects, when the host associates one. */
    public record ListedJob(FoundJob job, Optional<VirtualMachine> vm) {
    }

    /** Every Msvm_ConcreteJob on the host (running, or finished within TimeBeforeRemoval) with its VM. */
    public List<ListedJob> list() {
        List<FoundJob> jobs = query("SELECT * FROM Msvm_ConcreteJob", FoundJob::from);
        List<ListedJob> out = new ArrayList<>(jobs.size());
        for (FoundJob j : jobs) {
            String wql = "ASSOCIATORS OF {Msvm_ConcreteJob.InstanceID=" + Wql.literal(j.report().instanceId())
                    + "} WHERE AssocClass = " + AFFECTED_JOB_ELEMENT + " ResultClass = Msvm_ComputerSystem";
            out.add(new ListedJob(j, query(wql, VirtualMachine::from).stream().findFirst()));
        }
        return out;
    }

    private <T> List<T> query(String wql, java.util.function.Function<CimInstance, T> map) {
        try (Enumeration<CimInstance> e = client.enumerate(HyperVResources.ALL, EnumerateOptions.wql(wql))) {
            return e.stream().map(map).collect(Collectors.toList());
        }
    }
}
