package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypervwsman.hyperv.SimulatedHostFixture;
import io.hypervwsman.sim.HostFault;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** recovery-points, measure-replication, replication-server show and set-failover-network --show via the CLI. */
class ReplicaReadVerbsCliTest {
    static final String SCENARIO = "replica-health.json";
    @TempDir
    Path dir;

    @Test
    void recoveryPointsListsReplicaTypesNewestFirst() {
        try (SimulatedHostFixture f = new SimulatedHostFixture(SCENARIO)) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            assertEquals(0, cli.run("recovery-points", "--vm", "file-01", "--output", "json"), cli::err);
            JsonNode j = cli.json();
            assertEquals(3, j.get("count").asInt());
            List<String> ids = new ArrayList<>();
            j.get("recoveryPoints").forEach(p -> ids.add(p.get("id").asText()));
            assertEquals(List.of("Microsoft:B2B2B2B2-0000-4000-8000-000000000004",
                    "Microsoft:B2B2B2B2-0000-4000-8000-000000000002",
                    "Microsoft:B2B2B2B2-0000-4000-8000-000000000001"), ids);
            JsonNode app = j.get("recoveryPoints").get(1);
            assertEquals("AppConsistentReplica", app.get("type").asText());
            assertEquals("2026-11-24T02:00:00Z", app.get("created").asText());
            assertEquals("Replica", j.get("recoveryPoints").get(0).get("type").asText());

            assertEquals(0, cli.run("recovery-points", "--vm", "file-01", "--all", "--output", "json"), cli::err);
            j = cli.json();
            assertEquals(4, j.get("count").asInt());
            assertEquals("Standard", j.get("recoveryPoints").get(1).get("type").asText());

            assertEquals(0, cli.run("recovery-points", "--vm", "file-01"), cli::err);
            assertEquals(4, cli.out().lines().count(), cli.out());
            assertTrue(cli.out().contains("AppConsistentReplica"), cli.out());
        }
    }

    @Test
    void recoveryPointsOfAnUnknownVmIsExitOne() {
        try (SimulatedHostFixture f = new SimulatedHostFixture(SCENARIO)) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            assertEquals(1, cli.run("recovery-points", "--vm", "nosuch"));
            assertTrue(cli.err().contains("no virtual machine named nosuch"), cli.err());
        }
    }

    @Test
    void measureReplicationReadsTheStatisticsOfTheInterval() {
        try (SimulatedHostFixture f = new SimulatedHostFixture(SCENARIO)) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            assertEquals(0, cli.run("measure-replication", "--vm", "sql-01", "--output", "json"), cli::err);
            JsonNode j = cli.json();
            assertEquals("Replicating", j.get("state").asText());
            assertEquals(3, j.get("wmiState").asInt());
            assertEquals("Normal", j.get("health").asText());
            assertEquals(0, j.get("healthIssues").size());
            assertEquals("2026-11-24T02:55:00Z", j.get("lastReplicationTime").asText());
            assertEquals(100000000L, j.get("averageReplicationSizeBytes").asLong());
            assertEquals(250000000L, j.get("maximumReplicationSizeBytes").asLong());
            assertEquals(30, j.get("averageReplicationLatencySeconds").asLong());
            assertEquals(95, j.get("maximumReplicationLatencySeconds").asLong());
            assertEquals(1, j.get("replicationErrors").asLong());
            assertEquals(12, j.get("successfulReplicationCycles").asLong());
            assertEquals(0, j.get("missedReplicationCycles").asLong());
            assertEquals(4096, j.get("pendingReplicationSizeBytes").asLong());
            assertEquals("GetReplicationStatisticsEx", j.get("method").asText());
            assertEquals("1200000000", j.get("statistics").get("ReplicationSize").asText());
            assertEquals(1, f.sim.invocations("GetReplicationStatisticsEx"));
            assertEquals(0, f.sim.invocations("GetReplicationStatistics"));
        }
    }

    @Test
    void measureReplicationShowsTheHealthReasons() {
        try (SimulatedHostFixture f = new SimulatedHostFixture(SCENARIO)) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            assertEquals(0, cli.run("measure-replication", "--vm", "app-03"), cli::err);
            String out = cli.out();
            assertTrue(out.contains("Error") && out.contains("Critical"), out);
            assertTrue(out.contains("health issue: Replication is in critical state for 'app-03'."), out);
            assertTrue(out.contains("health issue: Resynchronization required."), out);
            assertTrue(out.lines().anyMatch(l -> l.matches("\\s+replicationErrors\\s+4")), out);
        }
    }

    @Test
    void aHostThatRefusesTheExMethodIsAskedTheOlderOne() {
        try (SimulatedHostFixture f = new SimulatedHostFixture(SCENARIO)) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            f.sim.faults().arm(HostFault.QUOTA, "GetReplicationStatisticsEx", -1);
            assertEquals(0, cli.run("measure-replication", "--vm", "web-02", "--output", "json"), cli::err);
            JsonNode j = cli.json();
            assertEquals("GetReplicationStatistics", j.get("method").asText());
            assertEquals("Warning", j.get("health").asText());
            assertEquals(3, j.get("missedReplicationCycles").asLong());
            assertEquals("Hyper-V Replica missed 3 replication cycles for 'web-02'.",
                    j.get("healthIssues").get(0).asText());
            assertEquals(1, f.sim.invocations("GetReplicationStatistics"));
        }
    }

    @Test
    void measureReplicationOfAVmWithoutReplicationIsExitOne() {
        try (SimulatedHostFixture f = new SimulatedHostFixture(SCENARIO)) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            assertEquals(1, cli.run("measure-replication", "--vm", "standalone", "--output", "json"));
            JsonNode j = cli.json();
            assertTrue(j.get("message").asText().contains("standalone is not replicated"), j.toString());
            assertEquals(0, f.sim.invocations("GetReplicationStatisticsEx"));
        }
    }

    @Test
    void replicationServerShowReadsSettingsAndAuthorizationEntries() {
        try (SimulatedHostFixture f = new SimulatedHostFixture(SCENARIO)) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            assertEquals(0, cli.run("replication-server", "show", "--output", "json"), cli::err);
            JsonNode j = cli.json();
            assertTrue(j.get("replicationEnabled").asBoolean());
            assertEquals("Kerberos", j.get("allowedAuthenticationType").asText());
            assertEquals(80, j.get("kerberosAuthenticationPort").asInt());
            assertEquals(443, j.get("certificateAuthenticationPort").asInt());
            assertTrue(j.get("replicationAllowedFromAnyServer").asBoolean());
            assertEquals("D:\\Replica", j.get("defaultStorageLocation").asText());
            assertEquals(43200, j.get("monitoringIntervalSeconds").asInt());
            assertEquals(2, j.get("authorizationEntries").size());
            assertEquals("hv02.lab.example", j.get("authorizationEntries").get(1).get("allowedPrimaryServer").asText());
            assertEquals("PAIR", j.get("authorizationEntries").get(1).get("trustGroup").asText());
        }
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            assertEquals(0, cli.run("replication-server", "show"), cli::err);
            assertTrue(cli.out().lines().anyMatch(l -> l.matches("replicationEnabled\\s+false")), cli.out());
        }
    }

    @Test
    void failoverNetworkShowReadsEachAdaptersSettings() {
        try (SimulatedHostFixture f = new SimulatedHostFixture(SCENARIO)) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            assertEquals(0, cli.run("set-failover-network", "--vm", "sql-01", "--show", "--output", "json"),
                    cli::err);
            JsonNode adapters = cli.json().get("adapters");
            assertEquals(2, adapters.size());
            JsonNode a = adapters.get(0);
            assertEquals("Network Adapter", a.get("name").asText());
            assertEquals("00155D0A0B01", a.get("macAddress").asText());
            assertEquals("IPv4", a.get("protocol").asText());
            assertEquals(false, a.get("dhcpEnabled").asBoolean());
            assertEquals("10.20.0.15", a.get("ipAddresses").get(0).asText());
            assertEquals("255.255.255.0", a.get("subnets").get(0).asText());
            assertEquals("10.20.0.1", a.get("defaultGateways").get(0).asText());
            assertEquals(2, a.get("dnsServers").size());
            assertTrue(adapters.get(1).get("dhcpEnabled").asBoolean());
            assertEquals(0, adapters.get(1).get("ipAddresses").size());

            assertEquals(2, cli.run("set-failover-network", "--vm", "sql-01"));
            assertTrue(cli.err().contains("--show"), cli.err());
        }
    }
}
