package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypervwsman.hyperv.SimulatedHostFixture;
import io.hypervwsman.plan.Journal;
import io.hypervwsman.plan.JournalRecord;
import io.hypervwsman.plan.JournalRecord.Type;
import io.hypervwsman.plan.PlanFile;
import io.hypervwsman.plan.PlannedGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan run killed right after its journal wrote a chosen record (every later write fails, as after kill -9),
 * then {@code plan resume} through the CLI: every VM ends decided and the simulated host saw each Invoke once.
 */
class PlanResumeThroughCliAfterKillTest {
    @TempDir
    Path dir;

    /** What a kill leaves: no more journal writes, from any thread. */
    static final class Killed extends Error {
        Killed() {
            super("killed", null, false, false);
        }
    }

    /** Lets records through until the {@code nth} of {@code type} is written, then refuses every write. */
    static final class KillAfter implements Consumer<JournalRecord> {
        private final Type type;
        private final int nth;
        private int seen;
        private boolean dead;
        final Set<Thread> writers = ConcurrentHashMap.newKeySet();

        KillAfter(Type type, int nth) {
            this.type = type;
            this.nth = nth;
        }

        @Override
        public void accept(JournalRecord r) {
            writers.add(Thread.currentThread());
            if (dead) {
                throw new Killed();
            }
            if (r.type() == type && ++seen == nth) {
                dead = true;
            }
        }
    }

    static Stream<Arguments> killPoints() {
        return Stream.of("unplanned-failover:InitiateFailover", "test-failover:TestReplicaSystem").flatMap(a -> Stream.of(
                Arguments.of(a, Type.GROUP_STARTED, 1),
                Arguments.of(a, Type.VM_STARTED, 1),
                Arguments.of(a, Type.PHASE, 2),
                Arguments.of(a, Type.INVOKE_INTENT, 1),
                Arguments.of(a, Type.INVOKE_SENT, 1),
                Arguments.of(a, Type.VM_FINISHED, 1),
                Arguments.of(a, Type.GROUP_FINISHED, 1),
                Arguments.of(a, Type.INVOKE_INTENT, 4),
                Arguments.of(a, Type.INVOKE_SENT, 6),
                Arguments.of(a, Type.INVOKE_INTENT, 2),
                Arguments.of(a, Type.INVOKE_SENT, 2)));
    }

    @ParameterizedTest(name = "{0}: killed after {2}. {1}")
    @MethodSource("killPoints")
    void resumeDecidesEveryVmAndInvokesNoneTwice(String actionAndMethod, Type type, int nth) throws Exception {
        String action = actionAndMethod.split(":")[0];
        String method = actionAndMethod.split(":")[1];
        try (SimulatedHostFixture f = PlanCliTest.site()) {
            Path plan = Files.writeString(dir.resolve("drill.yaml"), PlanCliTest.plan(f, action));
            KillAfter kill = new KillAfter(type, nth);
            PlanFile file = PlanFile.read(plan);
            try (PlanSession s = new PlanSession(file, key -> f.host(), Duration.ofMinutes(30), f.clock,
                    d -> f.clock.advance(d))) {
                List<PlannedGroup> groups = s.resolve();
                Journal j = Journal.open(Journal.besidePlan(plan), kill);
                assertThrows(Throwable.class, () -> s.run(groups, j, (g, i) -> true).execute());
                j.close();
                kill.writers.remove(Thread.currentThread());
                for (Thread t : kill.writers) {
                    t.join(Duration.ofMinutes(1).toMillis());
                    assertFalse(t.isAlive(), "the killed run's " + t + " ended");
                }
            }
            SimulatedCli cli = new SimulatedCli(f, dir);
            int code = cli.runExactly(PlanCliArgs.with(cli, "plan", "resume", plan.toString(), "--output", "json"));
            JsonNode out = cli.json();
            assertEquals(PlanCliTest.SITE.size(), out.get("vms").size());
            int succeeded = 0;
            for (JsonNode v : out.get("vms")) {
                String outcome = v.get("outcome").asText();
                // A kill between the journalled intent and the send leaves an Invoke that never took effect: it is
                // decided as failed (not sent again), and the failure policy (stop) keeps the rest from starting.
                assertTrue(outcome.equals("succeeded") || outcome.equals("not_run") || outcome.equals("failed")
                        && v.get("message").asText().contains("it was not sent again"), v.toString());
                succeeded += outcome.equals("succeeded") ? 1 : 0;
            }
            assertEquals(succeeded == PlanCliTest.SITE.size() ? 0 : 1, code, out.toString());
            long inEffect = PlanCliTest.SITE.stream().filter(vm -> action.equals("test-failover")
                    ? f.sim.vmIds(vm + " - Test").size() == 1 : f.sim.replicationState(vm) == 5).count();
            assertTrue(inEffect >= succeeded, "every VM reported succeeded shows it");
            assertEquals(inEffect, f.sim.invocations(method), "no VM's Invoke sent twice");
            if (action.equals("unplanned-failover")) {
                long running = PlanCliTest.SITE.stream().filter(vm -> f.sim.enabledState(vm) == 2).count();
                assertEquals(running, f.sim.invocations("RequestStateChange"), "no VM started twice");
            }
        }
    }
}
