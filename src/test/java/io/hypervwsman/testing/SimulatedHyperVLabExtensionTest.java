package io.hypervwsman.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.hyperv.Relationship;
import io.hypervwsman.hyperv.VirtualMachine;
import io.hypervwsman.hyperv.VirtualMachines;
import io.hypervwsman.sim.ManualClock;
import io.hypervwsman.sim.SimulatedLab;
import io.hypervwsman.transport.ConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code @SimulatedHyperVLab}: a fresh lab per test, each host on its own port with its own VMs, and the replication
 * cycles both sides see on the lab's manual clock (a lost site turns its partners' health to Warning).
 */
@SimulatedHyperVLab(value = "small-two-sites", manualClock = true)
class SimulatedHyperVLabExtensionTest {

    static Relationship relationship(HyperVLab lab, String host, String vm) {
        VirtualMachines vms = lab.connect(host).vms();
        VirtualMachine v = vms.list().stream().filter(x -> x.name().equals(vm)).findFirst().orElseThrow();
        return vms.primaryRelationship(v).orElseThrow();
    }

    @Test
    void everyHostListensOnItsOwnPortWithItsOwnVms(HyperVLab lab, SimulatedLab sim) {
        assertEquals(List.of("PROD-HV1", "PROD-HV2", "DR-HV1", "DR-HV2"), lab.hostNames());
        Set<Integer> ports = lab.hostNames().stream().map(h -> lab.endpoint(h).uri().getPort()).collect(Collectors.toSet());
        assertEquals(4, ports.size());
        assertEquals(List.of("db-01", "app-01", "web-01"), lab.connect("DR-HV1").vms().list().stream()
                .map(VirtualMachine::name).toList());
        assertEquals(List.of("app-02"), lab.connect("PROD-HV2").vms().list().stream().map(VirtualMachine::name).toList());
        assertEquals("dr", sim.site("DR-HV2"));
        assertTrue(lab.planHosts().contains("dr-hv2: { endpoint: \"" + lab.endpoint("DR-HV2").uri() + "\""),
                lab.planHosts());
    }

    @Test
    void replicationCyclesShowOnBothSidesAndALostSiteOnTheOther(HyperVLab lab, SimulatedLab sim, ManualClock clock) {
        Instant start = Instant.parse("2026-11-24T03:00:00Z");
        assertEquals(start, relationship(lab, "DR-HV1", "db-01").lastReplicationTime());
        clock.advance(Duration.ofMinutes(11));
        Instant cycle = Instant.parse("2026-11-24T03:10:00Z");
        assertEquals(cycle, relationship(lab, "PROD-HV1", "db-01").lastReplicationTime());
        assertEquals(cycle, relationship(lab, "DR-HV1", "db-01").lastReplicationTime());

        sim.takeDown("dr");
        assertThrows(ConnectionException.class, () -> lab.connect("DR-HV1").vms().list());
        clock.advance(Duration.ofMinutes(10));
        Relationship cut = relationship(lab, "PROD-HV1", "db-01");
        assertEquals(cycle, cut.lastReplicationTime(), "nothing replicated while DR is down");
        assertEquals(2, cut.health(), "Warning");

        sim.bringUp("dr");
        Relationship back = relationship(lab, "PROD-HV1", "db-01");
        assertEquals(Instant.parse("2026-11-24T03:20:00Z"), back.lastReplicationTime());
        assertEquals(1, back.health());
    }
}
