package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypervwsman.hyperv.HyperVHost;
import io.hypervwsman.hyperv.SimulatedHostFixture;
import io.hypervwsman.hyperv.VmRef;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.Outcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import io.hypervwsman.hyperv.replica.StartVm;
import io.hypervwsman.plan.Journal;
import io.hypervwsman.plan.JournalRecord;
import io.hypervwsman.plan.JournalRecord.Type;
import io.hypervwsman.plan.PlanFile;
import io.hypervwsman.plan.PlannedGroup;
import io.hypervwsman.transport.AuthMode;
import io.hypervwsman.transport.ConnectionOptions;
import io.hypervwsman.transport.Credentials;
import io.hypervwsman.transport.Transport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
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

    /**
     * Lets records through until the {@code nth} of {@code type} is written, then refuses every write; with
     * {@code wireToo}, also every request to the host from then on (as kill -9 stops both), so a journalled intent
     * is never sent.
     */
    static final class KillAfter implements Consumer<JournalRecord> {
        private final Type type;
        private final int nth;
        private final boolean wireToo;
        private int seen;
        private volatile boolean dead;
        final Set<Thread> writers = ConcurrentHashMap.newKeySet();

        KillAfter(Type type, int nth, boolean wireToo) {
            this.type = type;
            this.nth = nth;
            this.wireToo = wireToo;
        }

        /** The host's connection, cut when the kill happens if the wire dies too. */
        HyperVHost host(SimulatedHostFixture f, String key) {
            ConnectionOptions o = ConnectionOptions.builder(f.sim.endpoint()).auth(AuthMode.NTLM,
                    new Credentials(SimulatedHostFixture.USER, SimulatedHostFixture.PASSWORD.toCharArray())).build();
            return HyperVHost.builder().connect(o, t -> new Transport() {
                @Override
                public SoapReply exchange(byte[] envelope) {
                    if (dead && wireToo) {
                        throw new Killed();
                    }
                    return t.exchange(envelope);
                }

                @Override
                public void close() {
                    t.close();
                }
            }).name(key).clock(f.clock).sleeper(d -> f.clock.advance(d)).build();
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

    /**
     * Each action at each kill point; stop-test-failover acts on running test VMs, so each VM's life has two Invokes
     * (RequestStateChange turning the test VM off, then DestroySystem). {@code wire}: the kill also cuts the
     * connection, so an Invoke whose intent is the last record written never reaches the host.
     */
    static Stream<Arguments> killPoints() {
        return Stream.of("unplanned-failover:InitiateFailover", "test-failover:TestReplicaSystem",
                "stop-test-failover:DestroySystem").flatMap(a -> Stream.of(
                Arguments.of(a, Type.GROUP_STARTED, 1, false),
                Arguments.of(a, Type.VM_STARTED, 1, false),
                Arguments.of(a, Type.PHASE, 2, false),
                Arguments.of(a, Type.INVOKE_INTENT, 1, false),
                Arguments.of(a, Type.INVOKE_INTENT, 1, true),
                Arguments.of(a, Type.INVOKE_SENT, 1, false),
                Arguments.of(a, Type.VM_FINISHED, 1, false),
                Arguments.of(a, Type.GROUP_FINISHED, 1, false),
                Arguments.of(a, Type.INVOKE_INTENT, 4, false),
                Arguments.of(a, Type.INVOKE_SENT, 6, false),
                Arguments.of(a, Type.INVOKE_INTENT, 2, false),
                Arguments.of(a, Type.INVOKE_INTENT, 2, true),
                Arguments.of(a, Type.INVOKE_SENT, 2, false)));
    }

    /** Test failovers of every site VM, each test VM started (what stop-test-failover then turns off). */
    private static void runningTestVms(SimulatedHostFixture f) {
        ReplicaOperations ops = f.replica();
        for (String vm : PlanCliTest.SITE) {
            assertEquals(Outcome.SUCCEEDED, ops.testFailover(VmRef.of(vm), f.options()).outcome());
            OperationOutcome started = ops.run(new StartVm(true), VmRef.of(vm + " - Test"), f.options());
            assertEquals(Outcome.SUCCEEDED, started.outcome(), started.message());
        }
        // The drill ran a while: the test VMs' start jobs are older than a resume's allowance for clock skew.
        f.clock.advance(Duration.ofMinutes(10));
    }

    @ParameterizedTest(name = "{0}: killed after {2}. {1}, wire cut {3}")
    @MethodSource("killPoints")
    void resumeDecidesEveryVmAndInvokesNoneTwice(String actionAndMethod, Type type, int nth, boolean wire)
            throws Exception {
        String action = actionAndMethod.split(":")[0];
        String method = actionAndMethod.split(":")[1];
        try (SimulatedHostFixture f = PlanCliTest.site()) {
            boolean stopTest = action.equals("stop-test-failover");
            if (stopTest) {
                runningTestVms(f);
            }
            int startsBefore = f.sim.invocations("RequestStateChange");
            Path plan = Files.writeString(dir.resolve("drill.yaml"), PlanCliTest.plan(f, action));
            KillAfter kill = new KillAfter(type, nth, wire);
            PlanFile file = PlanFile.read(plan);
            try (PlanSession s = new PlanSession(file, key -> kill.host(f, key), Duration.ofMinutes(30), f.clock,
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
            int interrupted = 0;
            for (JsonNode v : out.get("vms")) {
                String outcome = v.get("outcome").asText();
                // A kill between the journalled intent and the send leaves an Invoke that never took effect: it is
                // not sent again, and the failure policy (stop) keeps the rest from starting.
                assertTrue(outcome.equals("succeeded") || outcome.equals("not_run") || outcome.equals("interrupted")
                        && v.get("message").asText().contains("it was not sent again"), v.toString());
                succeeded += outcome.equals("succeeded") ? 1 : 0;
                if (outcome.equals("interrupted")) {
                    interrupted++;
                    assertTrue(v.get("message").asText().contains("may not have been sent")
                            && v.get("message").asText().contains("decided from dr's state: nothing happened"), v.toString());
                }
            }
            if (wire && type == Type.INVOKE_INTENT) {
                // The intent written last was never sent: the host shows nothing happened, and the resume says so.
                assertTrue(interrupted >= 1, out.toString());
            }
            assertEquals(succeeded == PlanCliTest.SITE.size() ? 0 : 1, code, out.toString());
            long inEffect = PlanCliTest.SITE.stream().filter(vm -> switch (action) {
                case "test-failover" -> f.sim.vmIds(vm + " - Test").size() == 1;
                case "stop-test-failover" -> f.sim.vmIds(vm + " - Test").isEmpty();
                default -> f.sim.replicationState(vm) == 5;
            }).count();
            assertTrue(inEffect >= succeeded, "every VM reported succeeded shows it");
            assertEquals(inEffect, f.sim.invocations(method), "no VM's Invoke sent twice");
            int stateChanges = f.sim.invocations("RequestStateChange") - startsBefore;
            if (action.equals("unplanned-failover")) {
                long running = PlanCliTest.SITE.stream().filter(vm -> f.sim.enabledState(vm) == 2).count();
                assertEquals(running, stateChanges, "no VM started twice");
            }
            if (stopTest) {
                long turnedOff = PlanCliTest.SITE.stream().filter(vm -> f.sim.vmIds(vm + " - Test").isEmpty()
                        || f.sim.enabledState(vm + " - Test") == 3).count();
                assertEquals(turnedOff, stateChanges, "no test VM turned off twice");
            }
            Map<String, Long> intents = Journal.read(Journal.besidePlan(plan)).stream()
                    .filter(r -> r.type() == Type.INVOKE_INTENT)
                    .collect(Collectors.groupingBy(r -> r.vm() + " " + r.step(), Collectors.counting()));
            intents.forEach((k, n) -> assertEquals(1L, n, k + ": an Invoke whose intent was journalled is never "
                    + "journalled and sent again"));
        }
    }
}
