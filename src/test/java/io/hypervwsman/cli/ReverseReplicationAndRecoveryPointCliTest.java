package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypervwsman.hyperv.ReplicationState;
import io.hypervwsman.hyperv.SimulatedHostFixture;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * reverse-replication (Set-VMReplication -Reverse: the settings go to the host as an embedded
 * Msvm_ReplicationSettingData) and initiate-failover --recovery-point NAME|ID (InitiateFailover with
 * SnapshotSettingData), against the simulated host, which checks both arguments independently.
 */
class ReverseReplicationAndRecoveryPointCliTest {
    private static final String NIGHTLY_OLD = "Microsoft:2B000000-0001-4000-8000-000000000003";

    @TempDir
    Path dir;
    SimulatedHostFixture host;
    SimulatedCli cli;

    @BeforeEach
    void start() {
        host = new SimulatedHostFixture("reverse-and-recovery-points.json");
        cli = new SimulatedCli(host, dir);
    }

    @AfterEach
    void stop() {
        host.close();
    }

    private int initiates() {
        return host.sim.invocations("InitiateFailover");
    }

    private int reverses() {
        return host.sim.invocations("ReverseReplicationRelationship");
    }

    @Test
    void failsOverToTheRecoveryPointNamed() {
        String name = "ledger-01 - Standard Replica - (11/23/2026 - 8:00:00 AM)";
        assertEquals(0, cli.run("initiate-failover", "--vm", "ledger-01", "--recovery-point", name,
                "--output", "json"), cli::err);
        JsonNode json = cli.json();
        assertEquals("InitiateFailover", json.get("operation").asText());
        assertEquals("succeeded", json.get("outcome").asText());
        assertEquals("job", json.get("decidedBy").asText());
        assertEquals(1, initiates());
        assertEquals(ReplicationState.RECOVERED.value(), host.sim.replicationState("ledger-01"));
        assertEquals(Optional.of("Microsoft:2B000000-0001-4000-8000-000000000001"), host.sim.failedOverTo("ledger-01"));
        assertEquals("InitiateFailover completed for ledger-01 from recovery point '" + name
                + "' (Microsoft:2B000000-0001-4000-8000-000000000001, created 2026-11-23T08:00:00Z)",
                json.get("message").asText());
    }

    @Test
    void aRecoveryPointCanBeNamedByItsIdInAnyCase() {
        assertEquals(0, cli.run("initiate-failover", "--vm", "ledger-01", "--recovery-point",
                NIGHTLY_OLD.toLowerCase(java.util.Locale.ROOT)), cli::err);
        assertEquals(Optional.of(NIGHTLY_OLD), host.sim.failedOverTo("ledger-01"));
        assertEquals(1, initiates());
    }

    @Test
    void latestSendsNoSnapshot() {
        assertEquals(0, cli.run("initiate-failover", "--vm", "ledger-01", "--recovery-point", "LATEST"), cli::err);
        assertEquals(Optional.of("latest"), host.sim.failedOverTo("ledger-01"));
    }

    @Test
    void anAmbiguousNameListsTheIdsAndInvokesNothing() {
        assertEquals(1, cli.run("initiate-failover", "--vm", "ledger-01", "--recovery-point", "nightly"));
        String err = cli.err();
        assertTrue(err.startsWith("error: 2 recovery points of ledger-01 are named nightly"), err);
        assertTrue(err.contains("Microsoft:2B000000-0001-4000-8000-000000000002"), err);
        assertTrue(err.contains(NIGHTLY_OLD), err);
        assertTrue(err.contains("hint: name the one you mean by its id"), err);
        assertEquals(0, initiates());
        assertEquals(ReplicationState.REPLICATING.value(), host.sim.replicationState("ledger-01"));
    }

    @Test
    void anUnknownNameListsTheRecoveryPointsNewestFirst() {
        assertEquals(1, cli.run("initiate-failover", "--vm", "ledger-01", "--recovery-point", "Tuesday"));
        String err = cli.err();
        assertTrue(err.startsWith("error: no recovery point named Tuesday for ledger-01 on "), err);
        int newest = err.indexOf("8:00:00 AM");
        int oldest = err.indexOf(NIGHTLY_OLD);
        assertTrue(newest > 0 && oldest > newest, err);
        assertEquals(0, initiates());

        assertEquals(1, cli.run("initiate-failover", "--vm", "no-points-01", "--recovery-point", "x"));
        assertTrue(cli.err().contains("; it has none"), cli.err());
    }

    @Test
    void dryRunNamesTheRecoveryPointAndInvokesNothing() {
        assertEquals(0, cli.run("initiate-failover", "--vm", "ledger-01", "--recovery-point", NIGHTLY_OLD,
                "--dry-run", "--output", "json"), cli::err);
        JsonNode json = cli.json();
        assertEquals("dry-run", json.get("decidedBy").asText());
        assertTrue(json.get("message").asText().contains("from recovery point 'nightly' (" + NIGHTLY_OLD),
                json.toString());
        assertEquals(0, initiates());
    }

    @Test
    void aTestFailoverCanStartFromANamedRecoveryPoint() {
        assertEquals(0, cli.run("test-failover", "--vm", "ledger-01", "--recovery-point", NIGHTLY_OLD), cli::err);
        assertEquals(1, host.sim.invocations("TestReplicaSystem"));
        assertEquals(1, host.sim.vmIds("ledger-01 - Test").size());
        assertEquals(1, cli.run("test-failover", "--vm", "no-points-01", "--recovery-point", "nightly"));
        assertEquals(1, host.sim.invocations("TestReplicaSystem"));
    }

    @Test
    void reversesACommittedReplicaBackToItsPrimary() {
        assertEquals(0, cli.run("reverse-replication", "--vm", "reporting-01", "--output", "json"), cli::err);
        JsonNode json = cli.json();
        assertEquals("ReverseReplicationRelationship", json.get("operation").asText());
        assertEquals("succeeded", json.get("outcome").asText());
        assertEquals(4096, json.get("returnValue").asInt());
        assertEquals("Completed", json.get("job").get("state").asText());
        assertEquals(1, reverses());
        assertEquals(1, host.sim.replicationMode("reporting-01"));
        assertEquals(ReplicationState.READY_FOR_REPLICATION.value(), host.sim.replicationState("reporting-01"), "ready for initial replication");
        assertEquals("HV02.lab.example:80", host.sim.replicationTarget("reporting-01"));
        assertEquals("ReverseReplicationRelationship completed for reporting-01, replicating to HV02.lab.example:80",
                json.get("message").asText());
        // stdout is the one object; stderr names the job once, for logs of runs that die before their end
        String job = json.get("job").get("instanceId").asText();
        assertEquals(1, cli.err().lines().filter(l -> l.startsWith("job " + job + ": ")).count(), cli.err());
    }

    @Test
    void reversesAPlannedFailoverThatIsNotCommitted() {
        assertEquals(0, cli.run("reverse-replication", "--vm", "erp-planned-01"), cli::err);
        assertEquals(1, reverses());
        assertEquals(1, host.sim.replicationMode("erp-planned-01"));
        assertEquals(ReplicationState.REPLICATING.value(), host.sim.replicationState("erp-planned-01"), "replicating again");
        assertEquals("hv-east-07.lab.example:80", host.sim.replicationTarget("erp-planned-01"));
        assertTrue(cli.out().lines().anyMatch(l -> l.contains("ReverseReplicationRelationship completed")), cli.out());
    }

    @Test
    void anUncommittedUnplannedFailoverIsRefusedUnlessForced() {
        assertEquals(1, cli.run("reverse-replication", "--vm", "crm-unplanned-01"));
        String err = cli.err();
        assertTrue(err.startsWith("error: crm-unplanned-01 is failed over (Recovered) but the failover is not"
                + " committed"), err);
        assertTrue(err.contains("hint: commit it first: hyperv-wsman commit-failover --vm crm-unplanned-01"), err);
        assertEquals(0, reverses());

        // --force skips the check; the host refuses it itself, once.
        assertEquals(1, cli.run("reverse-replication", "--vm", "crm-unplanned-01", "--force", "--output", "json"));
        JsonNode json = cli.json();
        assertEquals(32775, json.get("returnValue").asInt());
        assertEquals("failed", json.get("outcome").asText());
        assertEquals(1, reverses());
        assertEquals(2, host.sim.replicationMode("crm-unplanned-01"));
    }

    @Test
    void aPrimaryIsRefusedWithItsState() {
        assertEquals(1, cli.run("reverse-replication", "--vm", "db-primary-01"));
        assertTrue(cli.err().startsWith("error: db-primary-01 is a Primary in state Replicating (3); replication can"
                + " be reversed only"), cli.err());
        assertEquals(0, reverses());
    }

    @Test
    void replicationStatusShowsThePrimaryAndReplicaServersBeforeAndAfterAReverse() {
        assertEquals(0, cli.run("replication", "status", "--vm", "reporting-01", "--output", "json"), cli::err);
        JsonNode before = cli.json().get("vms").get(0);
        assertEquals("HV02.lab.example", before.get("primaryServer").asText());
        assertEquals("HV01.lab.example", before.get("replicaServer").asText());
        assertEquals(80, before.get("replicaPort").asInt());

        assertEquals(0, cli.run("reverse-replication", "--vm", "reporting-01", "--replica-port", "8080"), cli::err);
        assertEquals(0, cli.run("replication", "status"), cli::err);
        String line = cli.out().lines().filter(l -> l.startsWith("reporting-01 ")).findFirst().orElseThrow();
        assertTrue(line.contains("Primary") && line.endsWith("HV01.lab.example -> HV02.lab.example:8080"), line);
    }

    @Test
    void statusOfAllVmsTakesTheSameRequestsHoweverManyVmsAndAgreesWithEachVmsOwnStatus() {
        int before = host.sim.gateway().requestCount();
        assertEquals(0, cli.run("replication", "status", "--output", "json"), cli::err);
        int requests = host.sim.gateway().requestCount() - before;
        JsonNode all = cli.json().get("vms");
        assertEquals(7, all.size(), all.toString());
        // two NTLM legs (the second carries the VM list), all relationships, all settings: not two queries per VM
        assertEquals(4, requests);
        for (JsonNode row : all) {
            assertEquals(0, cli.run("replication", "status", "--vm", row.get("id").asText(), "--output", "json"),
                    cli::err);
            assertEquals(cli.json().get("vms").get(0), row, "the batched row is what the VM's own status says");
        }
    }

    @Test
    void theNewReplicaServerPortAndCertificateCanBeGiven() {
        assertEquals(0, cli.run("reverse-replication", "--vm", "reporting-01", "--replica-server",
                "hv-dr-02.lab.example", "--replica-port", "443", "--replica-authentication", "certificate",
                "--certificate-thumbprint", "0123456789abcdef0123456789ABCDEF01234567"), cli::err);
        assertEquals("hv-dr-02.lab.example:443", host.sim.replicationTarget("reporting-01"));
        assertEquals(1, reverses());
    }

    @Test
    void settingsWithoutAPrimaryServerNeedOneGiven() {
        assertEquals(1, cli.run("reverse-replication", "--vm", "orphan-01"));
        assertTrue(cli.err().contains("name no primary server to reverse replication to"), cli.err());
        assertTrue(cli.err().contains("hint: name it with --replica-server HOST"), cli.err());
        assertEquals(0, reverses());

        assertEquals(0, cli.run("reverse-replication", "--vm", "orphan-01", "--replica-server", "hv03"), cli::err);
        assertEquals("hv03:80", host.sim.replicationTarget("orphan-01"));
    }

    @Test
    void theHostRefusesReplicatingToItself() {
        assertEquals(1, cli.run("reverse-replication", "--vm", "reporting-01", "--replica-server", "hv01.lab.example",
                "--output", "json"));
        JsonNode json = cli.json();
        assertEquals(32773, json.get("returnValue").asInt());
        assertTrue(json.get("message").asText().contains("(32773)"), json.toString());
        assertEquals(1, reverses());
        assertEquals(2, host.sim.replicationMode("reporting-01"));
    }

    @Test
    void dryRunSaysWhereItWouldReplicateAndInvokesNothing() {
        assertEquals(0, cli.run("reverse-replication", "--vm", "reporting-01", "--dry-run"), cli::err);
        assertTrue(cli.out().contains("replicating to HV02.lab.example:80"), cli.out());
        assertEquals(0, reverses());
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(2, cli.run("reverse-replication", "--vm", "reporting-01", "--replica-authentication", "ntlm"));
        assertTrue(cli.err().contains("--replica-authentication must be kerberos or certificate"), cli.err());
        assertEquals(2, cli.run("reverse-replication", "--vm", "reporting-01", "--replica-port", "70000"));
        assertTrue(cli.err().contains("port 70000 is not between 1 and 65535"), cli.err());
        assertEquals(2, cli.run("reverse-replication", "--vm", "reporting-01", "--replica-authentication",
                "certificate"));
        assertTrue(cli.err().contains("needs a certificate thumbprint"), cli.err());
        assertEquals(2, cli.run("reverse-replication", "--vm", "reporting-01", "--certificate-thumbprint", "abc"));
        assertEquals(0, reverses());
    }

    @Test
    void dryRunNeverTurnsTheVmOff() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli c = new SimulatedCli(f, dir);
            assertEquals(0, c.run("revert-failover", "--vm", "build-agent-01", "--turn-off", "--dry-run",
                    "--output", "json"), c::err);
            JsonNode json = c.json();
            assertEquals("dry-run", json.get("decidedBy").asText());
            assertTrue(json.toString().contains("would turn build-agent-01 off first"), json.toString());
            assertEquals(2, f.sim.enabledState("build-agent-01"), "still running");
            assertEquals(0, f.sim.invocations("RequestStateChange"));
            assertFalse(c.err().contains("error"), c.err());
        }
    }
}
