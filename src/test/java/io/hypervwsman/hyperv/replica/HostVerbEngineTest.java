package io.hypervwsman.hyperv.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.hyperv.HyperVHost;
import io.hypervwsman.hyperv.SimulatedHostFixture;
import io.hypervwsman.sim.HostFault;
import org.junit.jupiter.api.Test;

/**
 * The engine's path for a verb on the host (no VM): invoked once, followed, and after a lost reply decided by the
 * job found on the host, by the settings read back, or left unknown when nothing on the host can tell.
 */
class HostVerbEngineTest {
    private static TestReplicationConnection toPeer() {
        return new TestReplicationConnection("HV02.lab.example", 80, 1, null, false);
    }

    @Test
    void aConnectionTestIsFollowedToItsJob() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            OperationOutcome o = f.replica().run(toPeer(), f.options());
            assertEquals(Outcome.SUCCEEDED, o.outcome(), o.message());
            assertEquals(DecidedBy.JOB, o.decidedBy());
            assertNull(o.vm());
            assertEquals("TestReplicationConnection", o.operation().method());
            assertTrue(o.message().contains("to HV02.lab.example:80 with Kerberos"), o.message());
            assertEquals(1, f.sim.invocations("TestReplicationConnection"));
        }
    }

    @Test
    void aLostReplyToAConnectionTestIsDecidedByTheJobOfItsType() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            f.sim.faults().once(HostFault.DROP_AFTER_PROCESSING, "TestReplicationConnection");
            OperationOutcome o = f.replica().run(toPeer(), f.options());
            assertEquals(Outcome.SUCCEEDED, o.outcome(), o.message());
            assertEquals(DecidedBy.JOB_FOUND, o.decidedBy(), o.message());
            assertEquals(1, f.sim.invocations("TestReplicationConnection"));
        }
    }

    @Test
    void withoutItsJobALostConnectionTestStaysUnknown() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            f.sim.faults().once(HostFault.DROP_AFTER_PROCESSING, "TestReplicationConnection");
            HyperVHost host = f.host();
            OperationOutcome o = ReplicaOperations.of(host, JobFinder.NONE).run(toPeer(), f.options());
            assertEquals(Outcome.UNKNOWN, o.outcome(), o.message());
            assertEquals(DecidedBy.NONE, o.decidedBy());
            assertTrue(o.message().contains("nothing on HV01 shows whether test-replication-connection took effect"),
                    o.message());
            assertNull(o.changed());
            assertEquals(1, f.sim.invocations("TestReplicationConnection"));
        }
    }

    @Test
    void withoutItsJobALostSettingsChangeIsDecidedByTheSettingsReadBack() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("replica-health.json")) {
            f.sim.faults().once(HostFault.DROP_AFTER_PROCESSING, "ModifyServiceSettings");
            HyperVHost host = f.host();
            OperationOutcome o = ReplicaOperations.of(host, JobFinder.NONE).run(
                    new SetReplicationServer(null, null, null, 8080, null), f.options());
            assertEquals(Outcome.SUCCEEDED, o.outcome(), o.message());
            assertEquals(DecidedBy.HOST_SETTINGS, o.decidedBy(), o.message());
            assertTrue(o.message().contains("Kerberos port 8080"), o.message());
            assertEquals(8080, host.replicaQueries().replicaServer().httpPort());
            assertEquals(1, f.sim.invocations("ModifyServiceSettings"));
        }
    }

    @Test
    void aFailedConnectionTestCarriesTheHostsText() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("replica-server-behaviours.json")) {
            OperationOutcome o = f.replica().run(toPeer(), f.options());
            assertEquals(Outcome.FAILED, o.outcome(), o.message());
            assertEquals(DecidedBy.JOB, o.decidedBy());
            assertEquals(32769, o.job().errorCode());
            assertTrue(o.message().contains("The Kerberos authentication failed."), o.message());
        }
    }

    @Test
    void stepsRunInOrderAndStopAtTheFirstThatDoesNotSucceed() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("replica-server-behaviours.json")) {
            java.util.List<OperationOutcome> done = f.replica().runInOrder(java.util.List.of(
                    new SetReplicationServer(null, null, null, 8080, null),
                    new AddAuthorizationEntry("*", "D:\\Replicas", ReplicaServerChange.DEFAULT_TRUST_GROUP)),
                    f.options());
            assertEquals(1, done.size());
            assertEquals(Outcome.FAILED, done.get(0).outcome());
            assertEquals(DecidedBy.RETURN_VALUE, done.get(0).decidedBy());
            assertEquals(32769L, done.get(0).returnValue());
            assertEquals(0, f.sim.invocations("AddAuthorizationEntry"));
        }
    }

    @Test
    void aRefusalReadFromTheHostIsAPreCheckAndInvokesNothing() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            OperationOutcome o = SimulatedHostFixture.refused(f.replica().run(
                    new SetReplicationServer(true, null, null, null, null), f.options()));
            assertTrue(o.message().contains("needs an allowed authentication type"), o.message());
            SimulatedHostFixture.refused(f.replica().run(new ModifyAuthorizationEntry("nosuch", "X:\\", null),
                    f.options()));
            assertEquals(0, f.sim.invocations("ModifyServiceSettings"));
            assertEquals(0, f.sim.invocations("ModifyAuthorizationEntry"));
        }
    }
}
