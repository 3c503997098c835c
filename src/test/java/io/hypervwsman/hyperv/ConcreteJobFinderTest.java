package io.hypervwsman.hyperv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.sim.HostFault;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import io.hypervwsman.hyperv.replica.DecidedBy;
import io.hypervwsman.hyperv.replica.JobFinder;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.Outcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import org.junit.jupiter.api.Test;

/**
 * After an Invoke whose reply was lost, the job it started is found on the simulated host through
 * Msvm_AffectedJobElement, JobType and StartTime; none or several matching jobs decide nothing.
 */
class ConcreteJobFinderTest {
    private static final String WEB = "web-frontend-01";
    private static final String WEB_ID = "4EA7033C-356C-4EBA-9F77-1A3399CFCD72";
    private static final int REVERT_FAILOVER = 98;

    @Test
    void theJobOfAnInvokeWhoseReplyWasLostIsFoundAndCanBeFollowed() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            HyperVHost host = f.host();
            Instant sent = f.clock.instant();
            f.sim.faults().once(HostFault.DROP_AFTER_PROCESSING, "RevertFailover");
            OperationOutcome lost = ReplicaOperations.of(host, JobFinder.NONE).revertFailover(VmRef.of(WEB),
                    f.options());
            assertEquals(DecidedBy.REPLICATION_STATE, lost.decidedBy(), "the reply was lost: " + lost.message());

            ConcreteJobFinder.Search s = host.jobFinder().find(ConcreteJobFinder.Criteria.of(REVERT_FAILOVER, WEB_ID, sent));

            assertEquals(ConcreteJobFinder.Match.FOUND, s.match(), s.toString());
            ConcreteJobFinder.FoundJob job = s.job().orElseThrow();
            assertEquals(REVERT_FAILOVER, job.jobType());
            assertEquals(OptionalInt.of((int) job.report().jobState()), f.sim.jobState(job.report().instanceId()),
                    "the host's own job");
            JobReport followed = host.jobs().show(job.reference().selectors().get("InstanceID"));
            assertEquals(7, followed.jobState(), "Completed");
            assertEquals(1, f.sim.invocations("RevertFailover"));
        }
    }

    @Test
    void anotherJobTypeOrAJobStartedBeforeTheInvokeIsNotTheInvokesJob() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            HyperVHost host = f.host();
            Instant before = f.clock.instant();
            ReplicaOperations.of(host).revertFailover(VmRef.of(WEB), f.options());
            ConcreteJobFinder finder = host.jobFinder();

            assertEquals(ConcreteJobFinder.Match.NONE, finder.find(ConcreteJobFinder.Criteria.of(97, WEB_ID, before)).match());
            Instant later = f.clock.instant().plus(Duration.ofMinutes(1));
            assertEquals(ConcreteJobFinder.Match.NONE, finder.find(ConcreteJobFinder.Criteria.of(REVERT_FAILOVER, WEB_ID, later))
                    .match(), "started more than the clock-skew allowance before the Invoke was sent");
            assertEquals(ConcreteJobFinder.Match.NONE, finder.find(ConcreteJobFinder.Criteria.of(REVERT_FAILOVER,
                    "00000000-0000-0000-0000-000000000000", before)).match(), "another VM");
        }
    }

    @Test
    void aFinishedJobIsFoundForFiveMinutesOnTheHostsClockThenNoLonger() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            HyperVHost host = f.host();
            Instant sent = f.clock.instant();
            ReplicaOperations.of(host).revertFailover(VmRef.of(WEB), f.options());
            ConcreteJobFinder.Criteria c = ConcreteJobFinder.Criteria.of(REVERT_FAILOVER, WEB_ID, sent);

            f.clock.advance(Duration.ofMinutes(4));
            assertEquals(ConcreteJobFinder.Match.FOUND, host.jobFinder().find(c).match(), "kept TimeBeforeRemoval");
            f.clock.advance(Duration.ofMinutes(2));
            assertEquals(ConcreteJobFinder.Match.NONE, host.jobFinder().find(c).match(), "removed after five minutes");
        }
    }

    @Test
    void twoMatchingJobsDecideNothing() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            HyperVHost host = f.host();
            Instant sent = f.clock.instant();
            assertEquals(Outcome.SUCCEEDED, ReplicaOperations.of(host).revertFailover(VmRef.of(WEB), f.options()).outcome());
            OperationOutcome failover = ReplicaOperations.of(host).initiateFailover(VmRef.of(WEB), f.options());
            assertEquals(Outcome.SUCCEEDED, failover.outcome(), failover.message());
            assertEquals(Outcome.SUCCEEDED, ReplicaOperations.of(host).revertFailover(VmRef.of(WEB), f.options()).outcome());

            ConcreteJobFinder.Search s = host.jobFinder().find(ConcreteJobFinder.Criteria.of(REVERT_FAILOVER, WEB_ID, sent));

            assertEquals(ConcreteJobFinder.Match.SEVERAL, s.match());
            assertEquals(2, s.candidates().size());
            assertTrue(s.job().isEmpty());
        }
    }

    @Test
    void theJobListNamesEachJobsVm() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            HyperVHost host = f.host();
            ReplicaOperations.of(host).revertFailover(VmRef.of(WEB), f.options());

            var jobs = host.jobFinder().list();

            assertEquals(1, jobs.size(), jobs.toString());
            assertEquals(REVERT_FAILOVER, jobs.get(0).job().jobType());
            assertEquals(WEB, jobs.get(0).vm().orElseThrow().name());
            assertEquals(WEB_ID, jobs.get(0).vm().orElseThrow().id());
        }
    }
}
