package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypervwsman.hyperv.SimulatedHostFixture;
import io.hypervwsman.sim.HostFault;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * test-failover leaves the replication state as it was, so when its job cannot say how it ended (an unreadable job
 * poll, as in the soak), the test VM it creates ("NAME - Test", mode TestReplica) decides: present means it took
 * effect. A test failover already running is refused before anything is invoked.
 */
class TestFailoverDecidedByTestVmCliTest {
    private static final String VM = "app-extended-01";
    @TempDir
    Path dir;

    @Test
    void anUnreadableJobIsDecidedByTheTestVmThatAppeared() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            assertTrue(f.sim.vmIds(VM + " - Test").isEmpty());
            f.sim.gateway().faults().arm(HostFault.OVERSIZE_REPLY, "Get", -1);

            assertEquals(0, cli.run("test-failover", "--vm", VM, "--output", "json"), cli::err);
            JsonNode j = cli.json();
            assertEquals("succeeded", j.get("outcome").asText(), j::toString);
            assertEquals("vm-state", j.get("decidedBy").asText(), j::toString);
            assertTrue(j.get("message").asText().contains("the test VM is now present"), j::toString);
            assertEquals(1, f.sim.invocations("TestReplicaSystem"));
            assertEquals(1, f.sim.vmIds(VM + " - Test").size(), "the host's own record: one test VM");
        }
    }

    @Test
    void aLostReplyWhoseJobCannotBeReadIsDecidedByTheTestVmToo() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            f.sim.faults().once(HostFault.DROP_AFTER_PROCESSING, "TestReplicaSystem");
            f.sim.gateway().faults().arm(HostFault.OVERSIZE_REPLY, "Get", -1);

            assertEquals(0, cli.run("test-failover", "--vm", VM, "--output", "json"), cli::err);
            JsonNode j = cli.json();
            assertEquals("succeeded", j.get("outcome").asText(), j::toString);
            assertEquals("vm-state", j.get("decidedBy").asText(), j::toString);
            assertEquals(1, f.sim.invocations("TestReplicaSystem"), "never resent");
        }
    }

    @Test
    void aSecondTestFailoverIsRefusedBeforeInvoking() {
        try (SimulatedHostFixture f = new SimulatedHostFixture("default")) {
            SimulatedCli cli = new SimulatedCli(f, dir);
            assertEquals(0, cli.run("test-failover", "--vm", VM), cli::err);

            assertEquals(1, cli.run("test-failover", "--vm", VM, "--output", "json"), cli::err);
            JsonNode j = cli.json();
            assertEquals("pre-check", j.get("decidedBy").asText(), j::toString);
            assertTrue(j.get("message").asText().contains("stop-test-failover"), j::toString);
            assertEquals(1, f.sim.invocations("TestReplicaSystem"));
        }
    }
}
