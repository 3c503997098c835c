package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypervwsman.hyperv.HyperVHost;
import io.hypervwsman.hyperv.SimulatedHostFixture;
import io.hypervwsman.plan.PlanFile;
import io.hypervwsman.plan.PlannedGroup;
import io.hypervwsman.transport.AuthMode;
import io.hypervwsman.transport.ConnectionOptions;
import io.hypervwsman.transport.Credentials;
import io.hypervwsman.transport.Transport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resolving and pre-checking a plan lists each host's VMs and replication relationships once, for all of its VMs,
 * rather than once or several times per VM; only the engine's own dry run reads per VM.
 */
class PlanPreChecksReadEachHostOnceTest {
    @TempDir
    Path dir;

    @Test
    void resolutionAndPreChecksListTheHostOnceForAllItsVms() throws Exception {
        try (SimulatedHostFixture f = PlanCliTest.site()) {
            List<String> sent = new CopyOnWriteArrayList<>();
            Path plan = Files.writeString(dir.resolve("drill.yaml"), PlanCliTest.plan(f, "unplanned-failover"));
            try (PlanSession s = new PlanSession(PlanFile.read(plan), key -> counted(f, key, sent),
                    Duration.ofMinutes(30), f.clock, d -> f.clock.advance(d))) {
                List<PlannedGroup> groups = s.resolve();
                List<PlanPreChecks.VmCheck> checks = new PlanPreChecks(s, false, f.clock).check(groups);

                assertEquals(PlanCliTest.SITE.size(), checks.size());
                checks.forEach(c -> assertTrue(c.ok(), c.problems().toString()));
                checks.forEach(c -> assertEquals("latest (last replication 2026-11-24T02:55:00Z)", c.recoveryPoint()));
                assertEquals(1, sent.stream().filter(e -> e.contains("FROM Msvm_ComputerSystem WHERE Caption")
                        && !e.contains("ElementName")).count(), "the host's VMs listed once");
                assertEquals(1, sent.stream().filter(e -> e.contains("SELECT * FROM Msvm_ReplicationRelationship"))
                        .count(), "the host's relationships listed once");
            }
        }
    }

    /** A connection to the fixture's host that keeps every request envelope it sends. */
    private static HyperVHost counted(SimulatedHostFixture f, String key, List<String> sent) {
        ConnectionOptions o = ConnectionOptions.builder(f.sim.endpoint()).auth(AuthMode.NTLM,
                new Credentials(SimulatedHostFixture.USER, SimulatedHostFixture.PASSWORD.toCharArray())).build();
        return HyperVHost.builder().connect(o, t -> new Transport() {
            @Override
            public SoapReply exchange(byte[] envelope) {
                sent.add(new String(envelope, StandardCharsets.UTF_8));
                return t.exchange(envelope);
            }

            @Override
            public void close() {
                t.close();
            }
        }).name(key).clock(f.clock).sleeper(d -> f.clock.advance(d)).build();
    }
}
