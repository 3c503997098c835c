package io.hypervwsman.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The other Replica methods: failover in progress then recovered, commit, test failover, planned failover prep. */
class ReplicaLifecycleTest {
    private final SoapExchange host = new SoapExchange("default");

    private int state(String vmName) {
        String id = host.backend.host().vmsNamed(vmName).get(0).id;
        return Integer.parseInt(host.ok(SoapExchange.getVm(id)).text("ReplicationState"));
    }

    private String id(String vmName) {
        return host.backend.host().vmsNamed(vmName).get(0).id;
    }

    @Test
    void initiateFailoverShowsFailoverInProgressThenRecovered() {
        SoapExchange.Answer a = host.ok(SoapExchange.serviceMethod("HV01", "InitiateFailover", id("app-extended-01")));
        assertEquals("4096", a.text("ReturnValue"));
        assertEquals("97", host.ok(SoapExchange.getJob(SoapExchange.jobId(a))).text("JobType"));
        assertEquals(12, state("app-extended-01"));
        host.clock.advance(Duration.ofSeconds(2));
        assertEquals(5, state("app-extended-01"));

        host.ok(SoapExchange.serviceMethod("HV01", "CommitFailover", id("app-extended-01")));
        host.clock.advance(Duration.ofSeconds(2));
        assertEquals(6, state("app-extended-01"));
        assertEquals("32775", host.ok(SoapExchange.serviceMethod("HV01", "RevertFailover", id("app-extended-01")))
                .text("ReturnValue"));
    }

    @Test
    void testReplicaSystemCreatesALinkedTestVm() {
        String replica = host.backend.host().vmsNamed("file-server").stream().filter(v -> v.replicationMode == 2)
                .findFirst().orElseThrow().id;
        SoapExchange.Answer a = host.ok(SoapExchange.serviceMethod("HV01", "TestReplicaSystem", replica));
        assertEquals("4096", a.text("ReturnValue"));
        String testId = a.first("ResultingSystem").getElementsByTagNameNS(WsManUris.WSMAN, "Selector").item(1)
                .getTextContent();
        SoapExchange.Answer test = host.ok(SoapExchange.getVm(testId));
        assertEquals("file-server - Test", test.text("ElementName"));
        assertEquals("3", test.text("ReplicationMode"));
    }

    @Test
    void preparingAPlannedFailoverNeedsThePrimaryOff() {
        assertEquals("32775", host.ok(SoapExchange.vmMethod(id("db-primary-01"), "RequestReplicationStateChangeEx",
                "RequestedState", "4")).text("ReturnValue"));
        host.ok(SoapExchange.vmMethod(id("db-primary-01"), "RequestStateChange", "RequestedState", "3"));
        host.clock.advance(Duration.ofSeconds(2));
        assertEquals("4096", host.ok(SoapExchange.vmMethod(id("db-primary-01"), "RequestReplicationStateChangeEx",
                "RequestedState", "4")).text("ReturnValue"));
        assertEquals(4, state("db-primary-01"));
    }

    @Test
    void anUnknownMethodIsActionNotSupported() {
        SoapExchange.Answer a = host.send(SoapExchange.serviceMethod("HV01", "DoSomethingElse", SoapExchange.WEB01));
        assertEquals(500, a.status());
        assertEquals("a:ActionNotSupported", a.subcode());
        assertEquals(1, host.backend.invocations("DoSomethingElse"));
    }
}
