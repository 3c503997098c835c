package io.hypervwsman.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RevertFailover on a failed-over replica: 4096, a job that runs on the clock, the relationship back to 3. */
class RevertFailoverTest {
    private final SoapExchange host = new SoapExchange("default");

    private int relationshipState(String vmId) {
        return Integer.parseInt(host.ok(SoapExchange.getVm(vmId)).text("ReplicationState"));
    }

    @Test
    void theFixtureRequestStartsAJobWithTheEprShapeWindowsUses() {
        SoapExchange.Answer a = host.ok(SoapExchange.fixtureRequest("invoke-revert.xml"));

        assertEquals(SoapExchange.SERVICE + "/RevertFailoverResponse", a.text("Action"));
        assertEquals("uuid:8D9E0F1A-2B3C-4D4E-A5F6-7A8B9C0D1E2F", a.text("RelatesTo"));
        assertEquals("RevertFailover_OUTPUT", a.first("Body").getFirstChild().getLocalName());
        assertEquals("4096", a.text("ReturnValue"));
        assertEquals(List.of("Job", "ReturnValue"), GetInstanceTest.childNames(a.first("RevertFailover_OUTPUT")));
        assertEquals(SoapExchange.JOB, a.text("ResourceURI"));
        assertEquals(List.of("InstanceID", "__cimnamespace"),
                a.all("Selector").stream().map(e -> e.getAttribute("Name")).toList());
        assertEquals("root/virtualization/v2", a.all("Selector").get(1).getTextContent());
        assertEquals(1, host.backend.invocations("RevertFailover"));
    }

    @Test
    void theJobProgressesOnTheClockAndCompletesWithTheRelationshipReplicatingAgain() {
        String job = SoapExchange.jobId(host.ok(SoapExchange.serviceMethod("HV01", "RevertFailover", SoapExchange.WEB01)));

        SoapExchange.Answer running = host.ok(SoapExchange.getJob(job));
        assertEquals("4", running.text("JobState"));
        assertEquals("0", running.text("PercentComplete"));
        assertEquals("98", running.text("JobType"));
        assertEquals(5, relationshipState(SoapExchange.WEB01));

        host.clock.advance(Duration.ofSeconds(2));
        SoapExchange.Answer later = host.ok(SoapExchange.getJob(job));
        assertEquals("4", later.text("JobState"));
        assertEquals("40", later.text("PercentComplete"));
        assertEquals("P0DT0H0M2S", later.text("ElapsedTime"));

        host.clock.advance(Duration.ofSeconds(3));
        SoapExchange.Answer done = host.ok(SoapExchange.getJob(job));
        assertEquals("7", done.text("JobState"));
        assertEquals("100", done.text("PercentComplete"));
        assertEquals("0", done.text("ErrorCode"));
        assertEquals("P0DT0H5M0S", done.text("TimeBeforeRemoval"));
        assertEquals(3, relationshipState(SoapExchange.WEB01));
        assertEquals("3", host.ok(SoapExchange.get(SoapExchange.RELATIONSHIP, java.util.Map.of("InstanceID",
                "Microsoft:" + SoapExchange.WEB01 + "\\HVR\\0"))).text("ReplicationState"));
    }

    @Test
    void theStateChangesAtTheJobsEndEvenIfNobodyPolls() {
        host.ok(SoapExchange.serviceMethod("HV01", "RevertFailover", SoapExchange.WEB01));
        host.clock.advance(Duration.ofMinutes(1));
        assertEquals(3, relationshipState(SoapExchange.WEB01));
    }

    @Test
    void aFinishedJobIsRemovedFiveMinutesAfterItEnds() {
        String job = SoapExchange.jobId(host.ok(SoapExchange.serviceMethod("HV01", "RevertFailover", SoapExchange.WEB01)));
        host.clock.advance(Duration.ofSeconds(5).plus(Duration.ofMinutes(5)).minusMillis(1));
        assertEquals("7", host.ok(SoapExchange.getJob(job)).text("JobState"));

        host.clock.advance(Duration.ofMillis(1));
        SoapExchange.Answer gone = host.send(SoapExchange.getJob(job));
        assertEquals(500, gone.status());
        assertEquals("a:DestinationUnreachable", gone.subcode());
        assertEquals("2150858752", gone.faultCode());
        SoapExchange.Answer byWql = host.ok(SoapExchange.wql(
                "SELECT * FROM Msvm_ConcreteJob WHERE InstanceID = '" + job + "'", true, 10, null));
        assertFalse(byWql.has("Msvm_ConcreteJob"));
    }

    @Test
    void aPrimaryPreparedForPlannedFailoverCanBeReverted() {
        String db = host.backend.host().vmsNamed("db-primary-01").get(0).id;
        host.ok(SoapExchange.vmMethod(db, "RequestStateChange", "RequestedState", "3"));
        host.clock.advance(Duration.ofSeconds(2));
        SoapExchange.Answer prepare = host.ok(SoapExchange.vmMethod(db, "RequestReplicationStateChangeEx",
                "RequestedState", "4"));
        assertEquals("4096", prepare.text("ReturnValue"));
        assertEquals(4, relationshipState(db));
        host.clock.advance(Duration.ofSeconds(2));

        host.ok(SoapExchange.serviceMethod("HV01", "RevertFailover", db));
        host.clock.advance(Duration.ofSeconds(5));
        assertEquals(3, relationshipState(db));
    }

    @Test
    void everyInvokeIsCountedPerMethodAcrossThreads() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<SoapExchange.Answer>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                calls.add(pool.submit(() -> host.send(SoapExchange.serviceMethod("HV01", "CommitFailover",
                        "3F4E5D6C-7B8A-4998-A7B6-C5D4E3F2A1B0"))));
            }
            for (java.util.concurrent.Future<SoapExchange.Answer> f : calls) {
                assertEquals(200, f.get(30, java.util.concurrent.TimeUnit.SECONDS).status());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(40, host.backend.invocations("CommitFailover"));
        assertEquals(0, host.backend.invocations("RevertFailover"));
        assertTrue(host.backend.host().jobs().size() >= 1);
    }
}
