package io.hypervwsman.hyperv;

import static io.hypervwsman.hyperv.SimulatedHostFixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.Hint;
import io.hypervwsman.hyperv.replica.DecidedBy;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.Outcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every branch of revert-failover's flow against the simulated host; the Invoke is counted every time. */
class RevertFailoverTest {
    private static final String WEB_ID = "4EA7033C-356C-4EBA-9F77-1A3399CFCD72";

    private static int reverts(SimulatedHostFixture f) {
        return f.sim.invocations("RevertFailover");
    }

    @Test
    void byNameTheJobIsFollowedToCompletion() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            OperationOutcome o = f.replica().revertFailover(VmRef.of("web-frontend-01"), f.options());

            assertEquals(Outcome.SUCCEEDED, o.outcome(), o.message());
            assertEquals(DecidedBy.JOB, o.decidedBy());
            assertEquals(4096L, o.returnValue());
            assertEquals(7, o.job().jobState());
            assertEquals(100L, o.job().percentComplete());
            assertEquals(WEB_ID, o.vm().id());
            assertEquals(ReplicationState.REPLICATING.value(), f.sim.replicationState("web-frontend-01"), "back to Replicating");
            assertEquals(1, reverts(f));
            assertTrue(f.progress.size() >= 3, "progress was reported: " + f.progress.size());
            assertTrue(f.progress.get(0).percentComplete() < 100);
        }
    }

    @Test
    void aGuidInAnyCaseIsAddressedDirectly() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            OperationOutcome o = f.replica().revertFailover(VmRef.of(WEB_ID.toLowerCase(Locale.ROOT)), f.options());

            assertEquals(Outcome.SUCCEEDED, o.outcome(), o.message());
            assertEquals("web-frontend-01", o.vm().name());
            assertEquals(1, reverts(f));
        }
    }

    @Test
    void aMissingVmIsNamedAndNothingIsInvoked() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            OperationOutcome e = refused(f.replica().revertFailover(VmRef.of("no-such-vm"), f.options()));
            assertEquals("no virtual machine named no-such-vm on HV01", e.message());
            assertEquals(0, reverts(f));
        }
    }

    @Test
    void anAmbiguousNameListsTheCandidatesWithTheirGuids() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            OperationOutcome e = refused(f.replica().revertFailover(VmRef.of("file-server"), f.options()));
            assertTrue(e.message().startsWith("2 virtual machines are named file-server"), e.message());
            for (String id : f.sim.vmIds("file-server")) {
                assertTrue(e.message().contains(id), e.message());
            }
            assertEquals(Hint.Kind.NAME_VM_BY_ID, e.hint().kind());
            assertEquals(0, reverts(f));
        }
    }

    @Test
    void aCommittedFailoverIsRefused() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            OperationOutcome e = refused(f.replica().revertFailover(VmRef.of("reporting-01"), f.options()));
            assertEquals("the failover of reporting-01 was committed; it can no longer be reverted", e.message());
            assertEquals(0, reverts(f));
        }
    }

    @Test
    void anyOtherStateIsRefusedWithItsName() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            OperationOutcome e = refused(f.replica().revertFailover(VmRef.of("app-extended-01"), f.options()));
            assertTrue(e.message().contains("in state Replicating (3)"), e.message());
            assertEquals(0, reverts(f));
        }
    }

    @Test
    void aRunningVmIsRefusedWithoutTurnOff() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            OperationOutcome e = refused(f.replica().revertFailover(VmRef.of("build-agent-01"), f.options()));
            assertTrue(e.message().contains("is Running"), e.message());
            assertEquals(Hint.Kind.TURN_OFF_FIRST, e.hint().kind());
            assertEquals(0, reverts(f));
            assertEquals(0, f.sim.invocations("RequestStateChange"));
        }
    }

    @Test
    void turnOffTurnsTheVmOffFollowsThatJobThenReverts() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            OperationOutcome o = f.replica().revertFailover(VmRef.of("build-agent-01"),
                    f.options().withTurnOff(true));

            assertEquals(Outcome.SUCCEEDED, o.outcome(), o.message());
            assertEquals(1, f.sim.invocations("RequestStateChange"));
            assertEquals(3, f.sim.enabledState("build-agent-01"));
            assertTrue(o.warnings().stream().anyMatch(w -> w.contains("turned off")), o.warnings().toString());
            assertEquals(1, reverts(f));
        }
    }

    @Test
    void aTestFailoverVmIsPointedToStopTestFailover() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            OperationOutcome e = refused(f.replica().revertFailover(VmRef.of("web-frontend-02 - Test"), f.options()));
            assertTrue(e.message().contains("test-failover VM"), e.message());
            assertEquals(Hint.Kind.STOP_TEST_FAILOVER_ON_REPLICA, e.hint().kind());
            assertEquals(0, reverts(f));
        }
    }

    @Test
    void dryRunInvokesNothing() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            OperationOutcome o = f.replica().revertFailover(VmRef.of("web-frontend-01"),
                    f.options().withDryRun(true));
            assertEquals(DecidedBy.DRY_RUN, o.decidedBy());
            assertTrue(o.message().contains("would invoke RevertFailover"), o.message());
            assertNull(o.job());
            assertEquals(0, reverts(f));
        }
    }

    @Test
    void forcedIntoAWrongStateTheSynchronous32775IsAFailure() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("wrong-state-sync")) {
            String vm = f.sim.scenario().vms().stream()
                    .filter(v -> f.sim.replicationState(v.name()) == ReplicationState.COMMITTED.value()
                            || f.sim.replicationState(v.name()) == ReplicationState.REPLICATING.value())
                    .findFirst().orElseThrow().name();
            OperationOutcome o = f.replica().revertFailover(VmRef.of(vm), f.options().withForce(true));

            assertEquals(Outcome.FAILED, o.outcome());
            assertEquals(DecidedBy.RETURN_VALUE, o.decidedBy());
            assertEquals(32775L, o.returnValue());
            assertTrue(o.message().contains("Invalid state for this operation (32775)"), o.message());
            assertNull(o.job());
            assertEquals(1, reverts(f));
        }
    }

    @Test
    void forcedIntoAWrongStateTheJobPathIsAFailureWithTheHostsErrors() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("wrong-state-job")) {
            String vm = f.sim.scenario().vms().stream()
                    .filter(v -> f.sim.replicationState(v.name()) != ReplicationState.RECOVERED.value()).findFirst().orElseThrow().name();
            OperationOutcome o = f.replica().revertFailover(VmRef.of(vm), f.options().withForce(true));

            assertEquals(Outcome.FAILED, o.outcome(), o.message());
            assertEquals(DecidedBy.JOB, o.decidedBy());
            assertEquals(10, o.job().jobState());
            assertTrue(o.job().errorCode() != 0);
            assertEquals(1, reverts(f));
        }
    }

    @Test
    void aFailedJobCarriesErrorCodeDescriptionAndGetErrorExMessages() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("revert-job-fails")) {
            OperationOutcome o = f.replica().revertFailover(VmRef.of("web-frontend-01"), f.options());

            assertEquals(Outcome.FAILED, o.outcome(), o.message());
            assertEquals(DecidedBy.JOB, o.decidedBy());
            assertTrue(JobState.isFailure(o.job().jobState()));
            assertTrue(o.job().errorCode() != 0);
            assertNotNull(o.job().errorDescription());
            assertFalse(o.job().errors().isEmpty(), "GetErrorEx messages");
            assertTrue(o.message().contains("error " + o.job().errorCode()), o.message());
            assertEquals(1, reverts(f));
            assertEquals(ReplicationState.RECOVERED.value(), f.sim.replicationState("web-frontend-01"), "nothing changed");
        }
    }

    @Test
    void aTimeoutReportsTheJobThatIsStillRunning() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            OperationOutcome o = f.replica().revertFailover(VmRef.of("web-frontend-01"),
                    f.options(Duration.ofSeconds(2)));

            assertEquals(Outcome.TIMED_OUT, o.outcome(), o.message());
            assertEquals(5, io.hypervwsman.cli.ExitCodes.of(o.outcome()));
            assertTrue(o.message().contains(o.job().instanceId()), o.message());
            assertTrue(JobState.isRunning(f.sim.jobState(o.job().instanceId()).orElseThrow()));
            assertEquals(1, reverts(f));
        }
    }

    @Test
    void aJobThatVanishedIsDecidedFromTheReplicationState() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            boolean[] first = {true};
            HyperVHost host = f.host(d -> f.clock.advance(first[0] ? Duration.ofMinutes(10) : d));
            OperationOutcome o = ReplicaOperations.of(host).revertFailover(VmRef.of("web-frontend-01"),
                    OperationOptions.defaults().withListener(r -> first[0] = f.progress.add(r) && f.progress.size() == 1));

            assertEquals(Outcome.SUCCEEDED, o.outcome(), o.message());
            assertEquals(DecidedBy.REPLICATION_STATE, o.decidedBy());
            assertTrue(o.message().contains("the job is gone"), o.message());
            assertEquals(1, reverts(f));
        }
    }
}
