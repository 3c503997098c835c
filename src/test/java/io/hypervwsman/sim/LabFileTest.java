package io.hypervwsman.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.ConfigurationException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lab.yaml format: the bundled two-sites lab as the issue asks it, and labs that cannot be built refused. */
class LabFileTest {
    static final Instant NOW = Instant.parse("2026-11-24T03:02:10Z");

    @Test
    void theBundledLabIsTwoSitesOfThreeHostsOfFortyVmsEachPrimaryPairedAcrossSites() {
        Lab lab = Lab.fromResource("two-sites");
        assertEquals(List.of("prod", "dr"), lab.sites().stream().map(Lab.Site::name).toList());
        lab.sites().forEach(s -> assertEquals(3, s.hosts().size(), s.name()));
        Map<String, Scenario> hosts = lab.scenarios(NOW);
        assertEquals(6, hosts.size());
        hosts.forEach((h, s) -> assertEquals(40, s.vms().size(), h));
        Map<String, String> primaryHostById = new HashMap<>();
        hosts.forEach((h, s) -> s.vms().stream().filter(v -> v.replicationMode() == 1)
                .forEach(v -> primaryHostById.put(v.id(), h)));
        assertEquals(120, primaryHostById.size(), "120 primaries");
        int replicas = 0;
        for (Map.Entry<String, Scenario> e : hosts.entrySet()) {
            for (Scenario.Vm v : e.getValue().vms()) {
                if (v.replicationMode() != 2) {
                    continue;
                }
                replicas++;
                String primaryHost = primaryHostById.get(v.id());
                assertTrue(primaryHost != null, v.name() + " has a primary of the same id");
                assertTrue(!lab.siteOf(primaryHost).equals(lab.siteOf(e.getKey())), v.name() + " across sites");
                Scenario.Relationship r = v.relationships().get(0);
                assertEquals(lab.machine(primaryHost), r.primaryServer());
                assertEquals(lab.machine(e.getKey()), r.recoveryServer());
                assertEquals(Scenario.Power.OFF, v.power());
                assertEquals("2026-11-24T03:00:00Z", r.lastReplicationTime(), "the last 5-minute cycle");
            }
        }
        assertEquals(120, replicas);
    }

    @Test
    void labsThatCannotBeBuiltAreRefusedWithWhatIsWrong() {
        String sites = "sites:\n  - { name: a, hosts: [H1] }\n  - { name: b, hosts: [H2] }\n";
        assertEquals("invalid lab (text): VM x: replica H9 is not a host of the lab", assertThrows(ConfigurationException.class,
                () -> Lab.parse(sites + "vms:\n  - { name: x, primary: H1, replica: H9 }\n")).getMessage());
        assertEquals("invalid lab (text): VM x: its replica must be on another host than its primary", assertThrows(
                ConfigurationException.class, () -> Lab.parse(sites + "vms:\n  - { name: x, primary: H1, replica: h1 }\n"))
                .getMessage());
        assertEquals("invalid lab (text): two VMs named x in the lab", assertThrows(ConfigurationException.class, () -> Lab.parse(sites
                + "vms:\n  - { name: x, primary: H1 }\n  - { name: x, primary: H2 }\n")).getMessage());
        assertEquals("invalid lab (text): host H1 appears twice in the lab", assertThrows(ConfigurationException.class,
                () -> Lab.parse("sites:\n  - { name: a, hosts: [H1] }\n  - { name: b, hosts: [H1] }\n")).getMessage());
        assertTrue(assertThrows(ConfigurationException.class, () -> Lab.parse(sites + "vm: []\n")).getMessage()
                .startsWith("invalid lab (text): Unrecognized field \"vm\""));
        assertEquals("invalid lab (text): replicationInterval must be 30, 300 or 900 seconds, not 60", assertThrows(
                ConfigurationException.class, () -> Lab.parse(sites + "replicationInterval: 60\n")).getMessage());
    }
}
