package io.hypervwsman.hyperv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReplicationStateTest {
    @Test
    void powerShellNamesDependOnTheMode() {
        assertEquals("PreparedForFailover", ReplicationState.of(4).powerShellName(ReplicationMode.PRIMARY));
        assertEquals("FailedOverWaitingCompletion", ReplicationState.of(5).powerShellName(ReplicationMode.REPLICA));
        assertEquals("FailedOver", ReplicationState.of(6).powerShellName(ReplicationMode.EXTENDED_REPLICA));
        assertEquals("RecoveryInProgress", ReplicationState.of(12).powerShellName(ReplicationMode.REPLICA));
        assertEquals("WaitingForInitialReplication", ReplicationState.of(2).powerShellName(ReplicationMode.REPLICA));
        assertEquals("InitialReplicationInProgress", ReplicationState.of(2).powerShellName(ReplicationMode.PRIMARY));
        assertEquals(ReplicationState.UNKNOWN, ReplicationState.of(99));
    }

    @Test
    void jobStatesAsMicrosoftsToolsReadThem() {
        assertTrue(JobState.isRunning(4));
        assertTrue(JobState.isRunning(5), "Suspended can resume");
        assertTrue(JobState.isSuccess(32768), "CompletedWithWarnings");
        assertTrue(JobState.isFailure(10));
        assertFalse(JobState.isFailure(7));
        assertEquals("Exception", JobState.name(10));
    }

    @Test
    void vmRefsTellGuidsFromNames() {
        assertTrue(VmRef.of("4ea7033c-356c-4eba-9f77-1a3399cfcd72").isGuid());
        assertEquals("4EA7033C-356C-4EBA-9F77-1A3399CFCD72", VmRef.of("{4ea7033c-356c-4eba-9f77-1a3399cfcd72}").guid());
        assertFalse(VmRef.of("web-frontend-01").isGuid());
    }

    @Test
    void pollingBacksOffToTheBound() {
        PollPolicy p = PollPolicy.DEFAULT;
        java.time.Duration d = p.initial();
        for (int i = 0; i < 20; i++) {
            d = p.next(d);
        }
        assertEquals(p.max(), d);
        assertEquals(150, p.next(p.initial()).toMillis());
    }
}
