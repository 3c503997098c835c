package io.hypervwsman.hyperv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** OperationalStatus of Msvm_HeartbeatComponent as Microsoft's class page lists it, read as OK or not. */
class HeartbeatTest {

    @Test
    void okAndDegradedAreOperatingNormally() {
        assertTrue(new Heartbeat(List.of(2L, 2L)).ok());
        assertTrue(new Heartbeat(List.of(3L)).ok());
        assertEquals("OK (applications: OK)", new Heartbeat(List.of(2L, 2L)).describe());
        assertEquals("Degraded", new Heartbeat(List.of(3L)).describe());
    }

    @Test
    void noContactLostCommunicationErrorAndPausedAreNot() {
        for (long status : new long[] {7, 12, 13, 15}) {
            assertFalse(new Heartbeat(List.of(status)).ok(), "status " + status);
        }
        assertEquals("No Contact", new Heartbeat(List.of(12L)).describe());
        assertEquals("Lost Communication", new Heartbeat(List.of(13L)).describe());
        assertEquals("status 99", new Heartbeat(List.of(99L)).describe());
    }

    @Test
    void theApplicationsStateIsSaidButDoesNotDecide() {
        Heartbeat h = new Heartbeat(List.of(2L, 32782L));
        assertTrue(h.ok());
        assertEquals("OK (applications: Application Critical State)", h.describe());
    }

    @Test
    void noComponentIsAVmThatDoesNotRun() {
        assertFalse(Heartbeat.NONE.ok());
        assertEquals("no heartbeat (the VM is not running)", Heartbeat.NONE.describe());
    }
}
