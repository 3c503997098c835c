package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * set-failover-network (SetFailoverNetworkAdapterSettings with an embedded Msvm_FailoverNetworkAdapterSettingData)
 * against the simulated host (failover-network.json), then initiate-failover: the settings are read back from the
 * host afterwards with --show, not echoed.
 */
class FailoverNetworkCliTest extends SimulatedScenarioCliTest {
    FailoverNetworkCliTest() {
        super("failover-network.json");
    }

    @Test
    void setThenFailOverShowsTheFailoverIpSettingsOnTheReplica() {
        JsonNode set = cli.json(0, "set-failover-network", "--vm", "crm-01", "--adapter", "00-15-5D-0A-0C-01",
                "--ipv4", "10.30.0.21/23", "--gateway", "10.30.0.1", "--dns", "10.30.0.53", "--dns", "10.30.0.54");
        assertEquals("SetFailoverNetworkAdapterSettings", set.get("operation").asText());
        assertEquals("job", set.get("decidedBy").asText());
        assertEquals(1, host.sim.invocations("SetFailoverNetworkAdapterSettings"));

        assertEquals("succeeded", cli.json(0, "initiate-failover", "--vm", "crm-01").get("outcome").asText());
        assertEquals(5, host.sim.replicationState("crm-01"));

        JsonNode adapters = cli.json(0, "set-failover-network", "--vm", "crm-01", "--show").get("adapters");
        JsonNode a = adapters.get(0);
        assertEquals("IPv4", a.get("protocol").asText());
        assertEquals(false, a.get("dhcpEnabled").asBoolean());
        assertEquals("10.30.0.21", a.get("ipAddresses").get(0).asText());
        assertEquals("255.255.254.0", a.get("subnets").get(0).asText());
        assertEquals("10.30.0.1", a.get("defaultGateways").get(0).asText());
        assertEquals(2, a.get("dnsServers").size());
        assertEquals("10.30.0.54", a.get("dnsServers").get(1).asText());
        assertEquals(0, adapters.get(1).get("ipAddresses").size(), "the other adapter is untouched");
    }

    @Test
    void theSameSettingsAgainHaveNothingToDo() {
        String[] args = {"set-failover-network", "--vm", "crm-01", "--adapter", "Backup", "--ipv4", "192.168.7.9/24"};
        assertEquals("job", cli.json(0, args).get("decidedBy").asText());
        assertEquals("nothing-to-do", cli.json(0, args).get("decidedBy").asText());
        assertEquals(1, host.sim.invocations("SetFailoverNetworkAdapterSettings"));
    }

    @Test
    void anUnknownAdapterIsRefusedWithTheVmsAdapters() {
        JsonNode j = cli.json(1, "set-failover-network", "--vm", "crm-01", "--adapter", "Frontend", "--ipv4",
                "10.0.0.1/8");
        assertEquals("pre-check", j.get("decidedBy").asText());
        assertTrue(j.get("message").asText().contains("Network Adapter (00155D0A0C01), Backup (00155D0A0C02)"),
                j::toString);
        assertEquals(0, host.sim.invocations("SetFailoverNetworkAdapterSettings"));
    }

    @Test
    void theTestFailoverSwitchIsSetOnTheAdaptersSwitchConnection() {
        JsonNode set = cli.json(0, "set-test-failover-switch", "--vm", "crm-01", "--adapter", "Backup", "--switch",
                "Isolated-Test");
        assertEquals("ModifyResourceSettings", set.get("operation").asText());
        assertEquals("job", set.get("decidedBy").asText());
        JsonNode items = cli.json(0, "wsman", "enumerate", "Msvm_EthernetPortAllocationSettingData").get("items");
        assertEquals(2, items.size());
        assertTrue(items.get(0).get("properties").get("TestReplicaSwitchName").isNull(), "Network Adapter untouched");
        assertEquals("Isolated-Test", items.get(1).get("properties").get("TestReplicaSwitchName").asText());
        assertEquals("nothing-to-do", cli.json(0, "set-test-failover-switch", "--vm", "crm-01", "--adapter",
                "00155D0A0C02", "--switch", "Isolated-Test").get("decidedBy").asText());
        assertEquals(1, host.sim.invocations("ModifyResourceSettings"));
    }

    @Test
    void addressesAreCheckedBeforeConnecting() {
        assertEquals(2, cli.run("set-failover-network", "--vm", "crm-01", "--adapter", "Backup", "--ipv4",
                "10.0.0.300/24"));
        assertTrue(cli.err().contains("ADDRESS/PREFIX"), cli::err);
    }
}
