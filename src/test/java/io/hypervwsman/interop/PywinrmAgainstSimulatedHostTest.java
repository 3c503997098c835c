package io.hypervwsman.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hypervwsman.sim.ManualClock;
import io.hypervwsman.sim.Scenario;
import io.hypervwsman.sim.SimulatedHost;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pywinrm, a client we did not write, against the simulated Hyper-V host itself (not fixtures): it authenticates
 * with NTLM, enumerates the VMs with Enumerate and Pulls, and gets one VM, every message sealed.
 */
@Tag("interop")
class PywinrmAgainstSimulatedHostTest {
    static final String USER = "LAB\\operator";
    static final String PASSWORD = "Interop-Pa55word!";
    private static final Pattern ELEMENT_NAME = Pattern.compile("<p:ElementName>([^<]*)</p:ElementName>");
    private static final Pattern CAPTION_VM = Pattern.compile("<p:Caption>Virtual Machine</p:Caption>");

    @TempDir
    Path work;
    private PywinrmClient pywinrm;
    private SimulatedHost sim;

    @BeforeEach
    void start() {
        pywinrm = new PywinrmClient(work);
        pywinrm.requireInstalled();
        sim = SimulatedHost.start(Scenario.fromResource("default"), USER, PASSWORD.toCharArray(),
                new ManualClock(Instant.parse("2026-11-24T03:00:00Z")));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void enumerateAndPullsListEveryVmOfTheScenario() {
        PywinrmClient.Run run = pywinrm.enumerate(sim.endpoint(), USER, PASSWORD,
                PywinrmInteropTest.request("enumerate-pull-enumerate.xml"),
                PywinrmInteropTest.request("enumerate-pull-pull.xml"));

        assertEquals(0, run.exitCode(), run::describe);
        Set<String> listed = new TreeSet<>();
        int vms = 0;
        for (PywinrmClient.Exchange e : run.exchanges()) {
            Matcher m = ELEMENT_NAME.matcher(e.reply());
            while (m.find()) {
                listed.add(m.group(1));
            }
            Matcher c = CAPTION_VM.matcher(e.reply());
            while (c.find()) {
                vms++;
            }
        }
        Set<String> expected = new TreeSet<>();
        sim.scenario().vms().forEach(vm -> expected.add(vm.name()));
        assertEquals(expected, listed, run::describe);
        assertEquals(sim.scenario().vms().size(), vms, "one item per VM, duplicates by name included");
        assertEquals(1, sim.gateway().completedHandshakes(), "one NTLM session for the Enumerate and every Pull");
    }

    @Test
    void getReturnsTheVmByItsGuid() {
        PywinrmClient.Run run = pywinrm.get(sim.endpoint(), USER, PASSWORD,
                PywinrmInteropTest.request("get-computersystem.xml"));

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(1, run.exchanges().size(), run::describe);
        String reply = run.exchanges().get(0).reply();
        List<String> names = new ArrayList<>();
        Matcher m = ELEMENT_NAME.matcher(reply);
        while (m.find()) {
            names.add(m.group(1));
        }
        assertEquals(List.of("web-frontend-01"), names, reply);
        assertEquals(List.of("4EA7033C-356C-4EBA-9F77-1A3399CFCD72"), sim.vmIds("web-frontend-01"));
        assertEquals(true, reply.contains("<p:Name>4EA7033C-356C-4EBA-9F77-1A3399CFCD72</p:Name>"), reply);
    }
}
