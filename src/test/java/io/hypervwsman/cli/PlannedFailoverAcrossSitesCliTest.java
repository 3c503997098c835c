package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypervwsman.hyperv.HyperVHost;
import io.hypervwsman.hyperv.Relationship;
import io.hypervwsman.hyperv.ReplicationMode;
import io.hypervwsman.hyperv.ReplicationState;
import io.hypervwsman.hyperv.VirtualMachine;
import io.hypervwsman.hyperv.VirtualMachines;
import io.hypervwsman.sim.ManualClock;
import io.hypervwsman.testing.HyperVLab;
import io.hypervwsman.testing.SimulatedHyperVLab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Planned failover, failback and unplanned failover of a plan through the CLI over a simulated two-site lab
 * (labs/small-two-sites.yaml: PROD-HV1 -> DR-HV1 db-01, app-01, web-01; PROD-HV2 -> DR-HV2 app-02), each side
 * read back afterwards over WS-Man from its own host.
 */
@SimulatedHyperVLab(value = "small-two-sites", manualClock = true)
class PlannedFailoverAcrossSitesCliTest {
    static final Map<String, List<String>> PAIRS = Map.of("1", List.of("db-01", "app-01", "web-01"), "2",
            List.of("app-02"));

    @TempDir
    Path dir;

    /** A plan doing {@code action} to every VM, with its groups on the hosts of {@code site}. */
    Path plan(HyperVLab lab, String file, String action, String site) throws Exception {
        return Files.writeString(dir.resolve(file), """
                name: %s
                rpo: 15m
                %s
                concurrency: { plan: 4, perHost: 2 }
                groups:
                  - name: databases
                    host: %s-hv1
                    action: %s
                    vms: ["db-*"]
                  - name: applications
                    host: %s-hv1
                    action: %s
                    vms: ["app-*", "web-*"]
                  - name: second-host
                    host: %s-hv2
                    action: %s
                    vms: ["app-02"]
                """.formatted(file, lab.planHosts().strip().replace("\n", "\n"), site, action, site, action, site,
                action));
    }

    /** Shuts every VM of {@code site} down with stop-vm, as the runbook does before a planned failover. */
    static void stopAll(LabCli cli, String site) {
        PAIRS.forEach((n, vms) -> vms.forEach(vm -> assertEquals(0, cli.onHost(site + "-HV" + n, "stop-vm", "--vm", vm),
                cli.err())));
    }

    /** Checks, over WS-Man, that {@code vm} is the running primary on {@code primary} and the off replica on {@code replica}. */
    static void assertDirection(HyperVLab lab, String vm, String primary, String replica) {
        HyperVHost p = lab.connect(primary);
        HyperVHost r = lab.connect(replica);
        VirtualMachine pv = only(p.vms(), vm);
        VirtualMachine rv = only(r.vms(), vm);
        assertEquals(pv.id(), rv.id(), "one VM id on both sides");
        assertEquals(ReplicationMode.PRIMARY, pv.replicationMode(), vm + " on " + primary);
        assertEquals(2, pv.enabledState(), vm + " runs on " + primary);
        assertEquals(ReplicationMode.REPLICA, rv.replicationMode(), vm + " on " + replica);
        assertEquals(3, rv.enabledState(), vm + " is off on " + replica);
        Relationship pr = p.vms().primaryRelationship(pv).orElseThrow();
        Relationship rr = r.vms().primaryRelationship(rv).orElseThrow();
        assertEquals(ReplicationState.REPLICATING, pr.state(), vm + " replicates from " + primary);
        assertEquals(ReplicationState.REPLICATING, rr.state(), vm + " replicates to " + replica);
        assertEquals(pr.lastReplicationTime(), rr.lastReplicationTime(), "both sides agree on the last replication");
        assertEquals(1, pr.health(), vm + " healthy on " + primary);
        assertTrue(p.vms().replicationSettings(pv).recoveryServer().orElse("").startsWith(replica + "."),
                vm + " replicates to " + replica);
        assertTrue(r.vms().replicationSettings(rv).primaryServer().orElse("").startsWith(primary + "."),
                vm + " is replicated from " + primary);
        assertEquals(List.of(), p.vms().recoveryPoints(pv), "a primary has no recovery points");
    }

    static VirtualMachine only(VirtualMachines vms, String name) {
        List<VirtualMachine> found = vms.list().stream().filter(v -> v.name().equals(name)).toList();
        assertEquals(1, found.size(), () -> name + ": " + found);
        return found.get(0);
    }

    void plannedFailover(HyperVLab lab, LabCli cli, String file, String from, String to) throws Exception {
        stopAll(cli, from);
        Path plan = plan(lab, file, "planned-failover", to.toLowerCase(java.util.Locale.ROOT));
        assertEquals(0, cli.plan("run", plan.toString(), "--output", "json"), cli.out() + cli.err());
        JsonNode j = cli.json();
        assertEquals("succeeded", j.get("outcome").asText(), j.toString());
        assertEquals(4, j.get("vms").size());
    }

    @Test
    void aPlannedFailoverRunsEveryVmOnTheOtherSiteAndReversesReplication(HyperVLab lab, ManualClock clock)
            throws Exception {
        LabCli cli = new LabCli(lab, clock, dir);
        assertEquals(2, lab.connect("DR-HV1").vms().recoveryPoints(only(lab.connect("DR-HV1").vms(), "db-01")).size());
        Path early = plan(lab, "early.yaml", "planned-failover", "dr");
        assertEquals(1, cli.plan("check", early.toString(), "--output", "json"), cli.err());
        assertTrue(cli.json().get("checks").toString().contains("Running"), cli.out());

        plannedFailover(lab, cli, "failover.yaml", "PROD", "DR");

        PAIRS.forEach((n, vms) -> vms.forEach(vm -> assertDirection(lab, vm, "DR-HV" + n, "PROD-HV" + n)));
        assertEquals(4, lab.sim().invocations("RequestReplicationStateChangeEx"), "prepared once each");
        assertEquals(4, lab.sim().invocations("InitiateFailover"));
        assertEquals(4, lab.sim().invocations("ReverseReplicationRelationship"));
        assertEquals(0, lab.sim().host("DR-HV1").invocations("RequestReplicationStateChangeEx"),
                "prepared on the primary's host only");
        assertEquals(0, lab.sim().host("PROD-HV1").invocations("InitiateFailover"), "failed over on the replica only");
    }

    @Test
    void failbackByAPlannedFailoverBackRestoresTheOriginalDirection(HyperVLab lab, ManualClock clock) throws Exception {
        LabCli cli = new LabCli(lab, clock, dir);
        plannedFailover(lab, cli, "failover.yaml", "PROD", "DR");
        plannedFailover(lab, cli, "failback.yaml", "DR", "PROD");

        PAIRS.forEach((n, vms) -> vms.forEach(vm -> assertDirection(lab, vm, "PROD-HV" + n, "DR-HV" + n)));
        assertEquals(8, lab.sim().invocations("InitiateFailover"), "four VMs, there and back");
        assertEquals(4, lab.sim().host("PROD-HV1").invocations("RequestReplicationStateChangeEx")
                + lab.sim().host("PROD-HV2").invocations("RequestReplicationStateChangeEx"));
        assertEquals(4, lab.sim().host("DR-HV1").invocations("RequestReplicationStateChangeEx")
                + lab.sim().host("DR-HV2").invocations("RequestReplicationStateChangeEx"));
    }

    @Test
    void anUnplannedFailoverAfterLosingTheProductionSiteStartsTheReplicas(HyperVLab lab, ManualClock clock)
            throws Exception {
        LabCli cli = new LabCli(lab, clock, dir);
        lab.sim().takeDown("prod");
        Path plan = plan(lab, "disaster.yaml", "unplanned-failover", "dr");
        assertEquals(0, cli.plan("run", plan.toString(), "--output", "json"), cli.out() + cli.err());
        assertEquals("succeeded", cli.json().get("outcome").asText(), cli.out());
        for (String host : List.of("DR-HV1", "DR-HV2")) {
            VirtualMachines vms = lab.connect(host).vms();
            for (VirtualMachine v : vms.list()) {
                Relationship r = vms.primaryRelationship(v).orElseThrow();
                assertEquals(ReplicationState.RECOVERED, r.state(), v.name());
                assertEquals(1, r.failedOverReplicationType(), v.name() + ": not a planned failover");
                assertEquals(2, v.enabledState(), v.name() + " runs on " + host);
            }
        }
        assertEquals(0, lab.sim().invocations("RequestReplicationStateChangeEx"), "nothing prepared");

        // The production site comes back: its primaries still run and now show that their replicas failed over.
        lab.sim().bringUp("prod");
        VirtualMachines prod = lab.connect("PROD-HV1").vms();
        VirtualMachine db = only(prod, "db-01");
        assertEquals(ReplicationMode.PRIMARY, db.replicationMode());
        assertEquals(3, prod.primaryRelationship(db).orElseThrow().health(), "Critical: its replica failed over");
    }

    @Test
    void theReplicaRefusesToFailOverWhileItsPrimaryRuns(HyperVLab lab, ManualClock clock) throws Exception {
        LabCli cli = new LabCli(lab, clock, dir);
        Path plan = plan(lab, "too-soon.yaml", "unplanned-failover", "dr");
        assertEquals(1, cli.plan("run", plan.toString(), "--output", "json"), cli.out() + cli.err());
        JsonNode j = cli.json();
        assertEquals("failed", j.get("outcome").asText(), j.toString());
        assertTrue(j.get("vms").toString().contains("is running on 'PROD-HV1.lab.example'"), j.toString());
        VirtualMachines dr = lab.connect("DR-HV1").vms();
        VirtualMachine db = only(dr, "db-01");
        assertEquals(ReplicationState.REPLICATING, dr.primaryRelationship(db).orElseThrow().state());
        assertEquals(3, db.enabledState(), "the replica did not start");
    }

    @Test
    void aPrimaryCannotBePreparedWhileItsReplicaSiteIsDown(HyperVLab lab, ManualClock clock) throws Exception {
        LabCli cli = new LabCli(lab, clock, dir);
        assertEquals(0, cli.onHost("PROD-HV1", "stop-vm", "--vm", "db-01"), cli.err());
        lab.sim().takeDown("dr");
        int code = cli.onHost("PROD-HV1", "prepare-planned-failover", "--vm", "db-01");
        assertEquals(1, code, cli.out() + cli.err());
        assertTrue(cli.err().contains("did not answer"), cli.err());
        VirtualMachines prod = lab.connect("PROD-HV1").vms();
        assertEquals(ReplicationState.REPLICATING, prod.primaryRelationship(only(prod, "db-01")).orElseThrow().state(),
                "not prepared");
    }

    @Test
    void aPreparedPrimaryStartsOnlyOnceThePrepareIsCancelled(HyperVLab lab, ManualClock clock) {
        LabCli cli = new LabCli(lab, clock, dir);
        assertEquals(0, cli.onHost("PROD-HV1", "stop-vm", "--vm", "app-01"), cli.err());
        assertEquals(0, cli.onHost("PROD-HV1", "prepare-planned-failover", "--vm", "app-01"), cli.err());
        VirtualMachines dr = lab.connect("DR-HV1").vms();
        Relationship replica = dr.primaryRelationship(only(dr, "app-01")).orElseThrow();
        VirtualMachines prod = lab.connect("PROD-HV1").vms();
        Relationship primary = prod.primaryRelationship(only(prod, "app-01")).orElseThrow();
        assertEquals(ReplicationState.SYNCED_REPLICATION_COMPLETE, primary.state());
        assertEquals(primary.lastReplicationTime(), replica.lastReplicationTime(), "the last changes reached the replica");

        assertEquals(1, cli.onHost("PROD-HV1", "start-vm", "--vm", "app-01"), cli.out() + cli.err());
        assertEquals(3, only(prod, "app-01").enabledState(), "still off");
        assertEquals(0, cli.onHost("PROD-HV1", "revert-failover", "--vm", "app-01"), cli.err());
        assertEquals(0, cli.onHost("PROD-HV1", "start-vm", "--vm", "app-01"), cli.err());
        assertEquals(2, only(prod, "app-01").enabledState());
        assertEquals(ReplicationState.REPLICATING, prod.primaryRelationship(only(prod, "app-01")).orElseThrow().state());
    }

    @Test
    void afterAnUnplannedFailoverTheOldPrimaryBecomesTheReplicaOnlyOnceItIsOff(HyperVLab lab, ManualClock clock) {
        LabCli cli = new LabCli(lab, clock, dir);
        lab.sim().takeDown("prod");
        assertEquals(0, cli.onHost("DR-HV1", "initiate-failover", "--vm", "db-01"), cli.err());
        assertEquals(0, cli.onHost("DR-HV1", "commit-failover", "--vm", "db-01", "--yes"), cli.err());
        assertEquals(0, cli.onHost("DR-HV1", "reverse-replication", "--vm", "db-01"), cli.err());
        assertEquals(0, cli.onHost("DR-HV1", "start-vm", "--vm", "db-01"), cli.err());
        lab.sim().bringUp("prod");

        // The old primary came back running: replicating onto it is refused, with the reason, until it is off.
        assertEquals(1, cli.onHost("DR-HV1", "start-initial-replication", "--vm", "db-01"), cli.out() + cli.err());
        assertTrue(cli.err().contains("is running on the Replica server 'PROD-HV1.lab.example'"), cli.err());
        assertEquals(0, cli.onHost("PROD-HV1", "turn-off", "--vm", "db-01"), cli.err());
        assertEquals(0, cli.onHost("DR-HV1", "start-initial-replication", "--vm", "db-01"), cli.err());

        assertDirection(lab, "db-01", "DR-HV1", "PROD-HV1");
        assertEquals(List.of(), lab.connect("DR-HV1").vms().recoveryPoints(only(lab.connect("DR-HV1").vms(), "db-01")),
                "committed: the recovery points were merged");
    }
}
