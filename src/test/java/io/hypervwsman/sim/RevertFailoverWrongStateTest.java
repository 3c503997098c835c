package io.hypervwsman.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.hyperv.ReplicationState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** RevertFailover refused: after CommitFailover, on a running VM; answered synchronously or through a failing job. */
class RevertFailoverWrongStateTest {
    private static final String REPORTING = "0D9E8F7A-6B5C-4D3E-9F2A-1B0C9D8E7F6A";
    private static final String BUILD_AGENT = "3F4E5D6C-7B8A-4998-A7B6-C5D4E3F2A1B0";

    @Test
    void aCommittedReplicaIsRefusedSynchronouslyWithoutAJob() {
        SoapExchange host = new SoapExchange("wrong-state-sync");
        SoapExchange.Answer a = host.ok(SoapExchange.serviceMethod("HV01", "RevertFailover", REPORTING));
        assertEquals("32775", a.text("ReturnValue"));
        assertFalse(a.has("Job"));
        assertEquals(ReplicationState.COMMITTED.value(), replicationState(host, REPORTING));
        assertEquals(1, host.backend.invocations("RevertFailover"));
    }

    @Test
    void aRunningVmIsRefusedEvenInTheRightReplicationState() {
        SoapExchange host = new SoapExchange("default");
        SoapExchange.Answer a = host.ok(SoapExchange.serviceMethod("HV01", "RevertFailover", BUILD_AGENT));
        assertEquals("32775", a.text("ReturnValue"));
        assertEquals(ReplicationState.RECOVERED.value(), replicationState(host, BUILD_AGENT));
    }

    @Test
    void onTheJobPathTheWrongStateIsAJobEndingInException32775() {
        SoapExchange host = new SoapExchange("wrong-state-job");
        for (String vm : new String[] {REPORTING, BUILD_AGENT}) {
            SoapExchange.Answer a = host.ok(SoapExchange.serviceMethod("HV02", "RevertFailover", vm));
            assertEquals("4096", a.text("ReturnValue"));
            String job = SoapExchange.jobId(a);
            assertEquals("4", host.ok(SoapExchange.getJob(job)).text("JobState"));

            host.clock.advance(Duration.ofSeconds(1));
            SoapExchange.Answer done = host.ok(SoapExchange.getJob(job));
            assertEquals("10", done.text("JobState"));
            assertEquals("32775", done.text("ErrorCode"));
            assertTrue(done.text("ErrorDescription").contains("current state"), done.text("ErrorDescription"));
        }
        assertEquals(ReplicationState.COMMITTED.value(), replicationState(host, REPORTING));
        assertEquals(ReplicationState.RECOVERED.value(), replicationState(host, BUILD_AGENT));
    }

    @Test
    void aRunningReplicaCanBeTurnedOffAndThenReverted() {
        SoapExchange host = new SoapExchange("default");
        SoapExchange.Answer off = host.ok(SoapExchange.vmMethod(BUILD_AGENT, "RequestStateChange", "RequestedState", "3"));
        assertEquals("4096", off.text("ReturnValue"));
        assertEquals("13", host.ok(SoapExchange.getJob(SoapExchange.jobId(off))).text("JobType"));
        host.clock.advance(Duration.ofSeconds(2));
        assertEquals("3", host.ok(SoapExchange.getVm(BUILD_AGENT)).text("EnabledState"));

        assertEquals("4096", host.ok(SoapExchange.serviceMethod("HV01", "RevertFailover", BUILD_AGENT))
                .text("ReturnValue"));
        host.clock.advance(Duration.ofSeconds(5));
        assertEquals(ReplicationState.REPLICATING.value(), replicationState(host, BUILD_AGENT));
    }

    private static int replicationState(SoapExchange host, String vm) {
        return Integer.parseInt(host.ok(SoapExchange.getVm(vm)).text("ReplicationState"));
    }
}
