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
import io.hypervwsman.sim.ManualClock;
import io.hypervwsman.sim.SimulatedHost;
import io.hypervwsman.testing.SimulatedHyperVHost;
import io.hypervwsman.testing.WinRmEndpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every branch of revert-failover's flow against the simulated host; the Invoke is counted every time. */
@SimulatedHyperVHost(manualClock = true)
class RevertFailoverTest {
    private final List<JobReport> progress = new ArrayList<>();

    /** Options whose listener records every progress report in {@link #progress}. */
    private OperationOptions options() {
        return OperationOptions.defaults().withListener(progress::add);
    }

    private OperationOptions options(Duration timeout) {
        return options().withTimeout(timeout);
    }

    private static final String WEB_ID = "4EA7033C-356C-4EBA-9F77-1A3399CFCD72";

    private static int reverts(SimulatedHost sim) {
        return sim.invocations("RevertFailover");
    }

    @Test
    void byNameTheJobIsFollowedToCompletion(HyperVHost client, SimulatedHost sim) {
        OperationOutcome o = ReplicaOperations.of(client).revertFailover(VmRef.of("web-frontend-01"), options());

        assertEquals(Outcome.SUCCEEDED, o.outcome(), o.message());
        assertEquals(DecidedBy.JOB, o.decidedBy());
        assertEquals(4096L, o.returnValue());
        assertEquals(7, o.job().jobState());
        assertEquals(100L, o.job().percentComplete());
        assertEquals(WEB_ID, o.vm().id());
        assertEquals(ReplicationState.REPLICATING.value(), sim.replicationState("web-frontend-01"), "back to Replicating");
        assertEquals(1, reverts(sim));
        assertTrue(progress.size() >= 3, "progress was reported: " + progress.size());
        assertTrue(progress.get(0).percentComplete() < 100);
    }

    @Test
    void aGuidInAnyCaseIsAddressedDirectly(HyperVHost client, SimulatedHost sim) {
        OperationOutcome o = ReplicaOperations.of(client).revertFailover(VmRef.of(WEB_ID.toLowerCase(Locale.ROOT)), options());

        assertEquals(Outcome.SUCCEEDED, o.outcome(), o.message());
        assertEquals("web-frontend-01", o.vm().name());
        assertEquals(1, reverts(sim));
    }

    @Test
    void aMissingVmIsNamedAndNothingIsInvoked(HyperVHost client, SimulatedHost sim) {
        OperationOutcome e = refused(ReplicaOperations.of(client).revertFailover(VmRef.of("no-such-vm"), options()));
        assertEquals("no virtual machine named no-such-vm on HV01", e.message());
        assertEquals(0, reverts(sim));
    }

    @Test
    void anAmbiguousNameListsTheCandidatesWithTheirGuids(HyperVHost client, SimulatedHost sim) {
        OperationOutcome e = refused(ReplicaOperations.of(client).revertFailover(VmRef.of("file-server"), options()));
        assertTrue(e.message().startsWith("2 virtual machines are named file-server"), e.message());
        for (String id : sim.vmIds("file-server")) {
            assertTrue(e.message().contains(id), e.message());
        }
        assertEquals(Hint.Kind.NAME_VM_BY_ID, e.hint().kind());
        assertEquals(0, reverts(sim));
    }

    @Test
    void aCommittedFailoverIsRefused(HyperVHost client, SimulatedHost sim) {
        OperationOutcome e = refused(ReplicaOperations.of(client).revertFailover(VmRef.of("reporting-01"), options()));
        assertEquals("the failover of reporting-01 was committed; it can no longer be reverted", e.message());
        assertEquals(0, reverts(sim));
    }

    @Test
    void anyOtherStateIsRefusedWithItsName(HyperVHost client, SimulatedHost sim) {
        OperationOutcome e = refused(ReplicaOperations.of(client).revertFailover(VmRef.of("app-extended-01"), options()));
        assertTrue(e.message().contains("in state Replicating (3)"), e.message());
        assertEquals(0, reverts(sim));
    }

    @Test
    void aRunningVmIsRefusedWithoutTurnOff(HyperVHost client, SimulatedHost sim) {
        OperationOutcome e = refused(ReplicaOperations.of(client).revertFailover(VmRef.of("build-agent-01"), options()));
        assertTrue(e.message().contains("is Running"), e.message());
        assertEquals(Hint.Kind.TURN_OFF_FIRST, e.hint().kind());
        assertEquals(0, reverts(sim));
        assertEquals(0, sim.invocations("RequestStateChange"));
    }

    @Test
    void turnOffTurnsTheVmOffFollowsThatJobThenReverts(HyperVHost client, SimulatedHost sim) {
        OperationOutcome o = ReplicaOperations.of(client).revertFailover(VmRef.of("build-agent-01"),
                options().withTurnOff(true));

        assertEquals(Outcome.SUCCEEDED, o.outcome(), o.message());
        assertEquals(1, sim.invocations("RequestStateChange"));
        assertEquals(3, sim.enabledState("build-agent-01"));
        assertTrue(o.warnings().stream().anyMatch(w -> w.contains("turned off")), o.warnings().toString());
        assertEquals(1, reverts(sim));
    }

    @Test
    void aTestFailoverVmIsPointedToStopTestFailover(HyperVHost client, SimulatedHost sim) {
        OperationOutcome e = refused(ReplicaOperations.of(client).revertFailover(VmRef.of("web-frontend-02 - Test"), options()));
        assertTrue(e.message().contains("test-failover VM"), e.message());
        assertEquals(Hint.Kind.STOP_TEST_FAILOVER_ON_REPLICA, e.hint().kind());
        assertEquals(0, reverts(sim));
    }

    @Test
    void dryRunInvokesNothing(HyperVHost client, SimulatedHost sim) {
        OperationOutcome o = ReplicaOperations.of(client).revertFailover(VmRef.of("web-frontend-01"),
                options().withDryRun(true));
        assertEquals(DecidedBy.DRY_RUN, o.decidedBy());
        assertTrue(o.message().contains("would invoke RevertFailover"), o.message());
        assertNull(o.job());
        assertEquals(0, reverts(sim));
    }

    @SimulatedHyperVHost(scenario = "wrong-state-sync", manualClock = true)
    @Test
    void forcedIntoAWrongStateTheSynchronous32775IsAFailure(HyperVHost client, SimulatedHost sim) {
        String vm = sim.scenario().vms().stream()
                .filter(v -> sim.replicationState(v.name()) == ReplicationState.COMMITTED.value()
                        || sim.replicationState(v.name()) == ReplicationState.REPLICATING.value())
                .findFirst().orElseThrow().name();
        OperationOutcome o = ReplicaOperations.of(client).revertFailover(VmRef.of(vm), options().withForce(true));

        assertEquals(Outcome.FAILED, o.outcome());
        assertEquals(DecidedBy.RETURN_VALUE, o.decidedBy());
        assertEquals(32775L, o.returnValue());
        assertTrue(o.message().contains("Invalid state for this operation (32775)"), o.message());
        assertNull(o.job());
        assertEquals(1, reverts(sim));
    }

    @SimulatedHyperVHost(scenario = "wrong-state-job", manualClock = true)
    @Test
    void forcedIntoAWrongStateTheJobPathIsAFailureWithTheHostsErrors(HyperVHost client, SimulatedHost sim) {
        String vm = sim.scenario().vms().stream()
                .filter(v -> sim.replicationState(v.name()) != ReplicationState.RECOVERED.value()).findFirst().orElseThrow().name();
        OperationOutcome o = ReplicaOperations.of(client).revertFailover(VmRef.of(vm), options().withForce(true));

        assertEquals(Outcome.FAILED, o.outcome(), o.message());
        assertEquals(DecidedBy.JOB, o.decidedBy());
        assertEquals(10, o.job().jobState());
        assertTrue(o.job().errorCode() != 0);
        assertEquals(1, reverts(sim));
    }

    @SimulatedHyperVHost(scenario = "revert-job-fails", manualClock = true)
    @Test
    void aFailedJobCarriesErrorCodeDescriptionAndGetErrorExMessages(HyperVHost client, SimulatedHost sim) {
        OperationOutcome o = ReplicaOperations.of(client).revertFailover(VmRef.of("web-frontend-01"), options());

        assertEquals(Outcome.FAILED, o.outcome(), o.message());
        assertEquals(DecidedBy.JOB, o.decidedBy());
        assertTrue(JobState.isFailure(o.job().jobState()));
        assertTrue(o.job().errorCode() != 0);
        assertNotNull(o.job().errorDescription());
        assertFalse(o.job().errors().isEmpty(), "GetErrorEx messages");
        assertTrue(o.message().contains("error " + o.job().errorCode()), o.message());
        assertEquals(1, reverts(sim));
        assertEquals(ReplicationState.RECOVERED.value(), sim.replicationState("web-frontend-01"), "nothing changed");
    }

    @Test
    void aTimeoutReportsTheJobThatIsStillRunning(HyperVHost client, SimulatedHost sim) {
        OperationOutcome o = ReplicaOperations.of(client).revertFailover(VmRef.of("web-frontend-01"),
                options(Duration.ofSeconds(2)));

        assertEquals(Outcome.TIMED_OUT, o.outcome(), o.message());
        assertEquals(5, io.hypervwsman.cli.ExitCodes.of(o.outcome()));
        assertTrue(o.message().contains(o.job().instanceId()), o.message());
        assertTrue(JobState.isRunning(sim.jobState(o.job().instanceId()).orElseThrow()));
        assertEquals(1, reverts(sim));
    }

    @Test
    void aJobThatVanishedIsDecidedFromTheReplicationState(WinRmEndpoint endpoint, SimulatedHost sim, ManualClock clock) {
        boolean[] first = {true};
        try (HyperVHost host = HyperVHost.builder().connect(endpoint.connectionOptions()).name("HV01").clock(clock)
                .sleeper(d -> clock.advance(first[0] ? Duration.ofMinutes(10) : d)).build()) {
            OperationOutcome o = ReplicaOperations.of(host).revertFailover(VmRef.of("web-frontend-01"),
                    OperationOptions.defaults().withListener(r -> first[0] = progress.add(r) && progress.size() == 1));

            assertEquals(Outcome.SUCCEEDED, o.outcome(), o.message());
            assertEquals(DecidedBy.REPLICATION_STATE, o.decidedBy());
            assertTrue(o.message().contains("the job is gone"), o.message());
            assertEquals(1, reverts(sim));
        }
    }
}
