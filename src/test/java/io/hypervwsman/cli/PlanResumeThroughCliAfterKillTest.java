package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypervwsman.hyperv.HyperVHost;
import io.hypervwsman.hyperv.SimulatedHostFixture;
import io.hypervwsman.hyperv.VirtualMachine;
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
import io.hypervwsman.sim.ManualClock;
import io.hypervwsman.sim.PlannedFailoverLink;
import io.hypervwsman.sim.Scenario;
import io.hypervwsman.sim.SimulatedHost;
import io.hypervwsman.transport.AuthMode;
import io.hypervwsman.transport.ConnectionOptions;
import io.hypervwsman.transport.Credentials;
import io.hypervwsman.transport.Transport;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
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
        private final String step;
        private final int nth;
        private final boolean wireToo;
        private int seen;
        private volatile boolean dead;
        final Set<Thread> writers = ConcurrentHashMap.newKeySet();

        KillAfter(Type type, int nth, boolean wireToo) {
            this(type, null, nth, wireToo);
        }

        /** As above, counting only records of {@code step}: an Invoke's method, or a phase's name (null: any). */
        KillAfter(Type type, String step, int nth, boolean wireToo) {
            this.type = type;
            this.step = step;
            this.nth = nth;
            this.wireToo = wireToo;
        }

        /** The host's connection, cut when the kill happens if the wire dies too. */
        HyperVHost host(SimulatedHostFixture f, String key) {
            return host(f.sim.endpoint(), f.clock, key);
        }

        HyperVHost host(URI endpoint, ManualClock clock, String key) {
            return connect(endpoint, clock, key, t -> new Transport() {
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
            });
        }

        @Override
        public void accept(JournalRecord r) {
            writers.add(Thread.currentThread());
            if (dead) {
                throw new Killed();
            }
            boolean ofStep = step == null || step.equals(r.type() == Type.PHASE ? r.detail() : r.step());
            if (r.type() == type && ofStep && ++seen == nth) {
                dead = true;
            }
        }
    }

    /** A client of the simulated host at {@code endpoint} whose waits advance {@code clock}. */
    static HyperVHost connect(URI endpoint, ManualClock clock, String key, UnaryOperator<Transport> around) {
        ConnectionOptions o = ConnectionOptions.builder(endpoint).auth(AuthMode.NTLM,
                new Credentials(SimulatedHostFixture.USER, SimulatedHostFixture.PASSWORD.toCharArray())).build();
        return HyperVHost.builder().connect(o, around).name(key).clock(clock).sleeper(clock::advance).build();
    }

    /** Runs {@code plan} over hosts opened by {@code kill} until the kill, and waits for the killed run's threads. */
    private static void runUntilKilled(Path plan, KillAfter kill, Function<String, HyperVHost> opener,
                                       ManualClock clock) throws Exception {
        PlanFile file = PlanFile.read(plan);
        try (PlanSession s = new PlanSession(file, opener, Duration.ofMinutes(30), clock, clock::advance)) {
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
            runUntilKilled(plan, kill, key -> kill.host(f, key), f.clock);
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

    /** A planned failover's Invokes in order: prepare on the primary, fail over, reverse, start on the replica. */
    private static final List<String> PLANNED_STEPS = List.of("RequestReplicationStateChangeEx", "InitiateFailover",
            "ReverseReplicationRelationship", "RequestStateChange");

    /**
     * A planned failover killed before anything, then at each of its steps: after the intent with the wire cut (never
     * sent), after the intent (sent, its answer lost), after the answer; between reverse and start; and once the VM
     * finished.
     */
    static Stream<Arguments> plannedFailoverKillPoints() {
        List<Arguments> points = new ArrayList<>();
        points.add(Arguments.of(Type.VM_STARTED, null, 1, false));
        points.add(Arguments.of(Type.PHASE, "invoke", 1, false));
        for (String step : PLANNED_STEPS) {
            points.add(Arguments.of(Type.INVOKE_INTENT, step, 1, true));
            points.add(Arguments.of(Type.INVOKE_INTENT, step, 1, false));
            points.add(Arguments.of(Type.INVOKE_SENT, step, 1, false));
        }
        points.add(Arguments.of(Type.INVOKE_SENT, "ReverseReplicationRelationship", 3, false));
        points.add(Arguments.of(Type.PHASE, "start", 1, false));
        points.add(Arguments.of(Type.VM_FINISHED, null, 1, false));
        return points.stream();
    }

    /** The site's VMs moved from prod (HV02, their primary) to dr (HV01, their replica). */
    private static String plannedFailoverPlan(URI prod, URI dr) {
        return """
                name: site-move
                rpo: 15m
                hosts:
                  prod: { endpoint: "%s", user: 'LAB\\operator', auth: ntlm }
                  dr: { endpoint: "%s", user: 'LAB\\operator', auth: ntlm }
                concurrency: { plan: 3, perHost: 2 }
                groups:
                  - name: databases
                    host: dr
                    action: planned-failover
                    vms: ["db-*"]
                  - name: applications
                    host: dr
                    action: planned-failover
                    vms: ["app-*", "web-01"]
                """.formatted(prod, dr);
    }

    /**
     * Where a VM's planned failover got to, as both hosts show it: (primary host's mode, state, power), (replica
     * host's mode, state, power); modes 1 Primary 2 Replica, states 3 Replicating 4 PreparedForFailover 5 Recovered,
     * power 2 running 3 off.
     */
    private static final List<List<Long>> RUNGS = List.of(
            List.of(1L, 3L, 3L, 2L, 3L, 3L), // untouched
            List.of(1L, 4L, 3L, 2L, 3L, 3L), // prepared
            List.of(1L, 4L, 3L, 2L, 5L, 3L), // failed over
            List.of(2L, 3L, 3L, 1L, 3L, 3L), // reversed: prod is now the replica
            List.of(2L, 3L, 3L, 1L, 3L, 2L)); // started on dr

    /** Mode, replication state and power of the VM {@code id}, read over WS-Man. */
    private static List<Long> readBack(HyperVHost host, String id) {
        VirtualMachine vm = host.vms().list().stream().filter(v -> v.id().equalsIgnoreCase(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " is gone from " + host));
        long state = host.vms().primaryRelationship(id).map(r -> (long) r.state().value()).orElse(0L);
        return List.of((long) vm.replicationMode().value(), state, vm.enabledState());
    }

    @ParameterizedTest(name = "planned-failover: killed after {2}. {1} {0}, wire cut {3}")
    @MethodSource("plannedFailoverKillPoints")
    void aPlannedFailoverResumesOnBothHostsAndInvokesNoStepTwice(Type type, String step, int nth, boolean wire)
            throws Exception {
        killAndResumePlannedFailover(type, step, nth, wire, false, Duration.ofMinutes(2));
    }

    /**
     * Resumed an hour later, when the hosts have removed the killed run's jobs (TimeBeforeRemoval): the steps before
     * the last one begun are not decided again from hosts that no longer show them (prod is a replica now).
     */
    @ParameterizedTest(name = "planned-failover resumed an hour later: killed after {0} {1}")
    @CsvSource({"INVOKE_SENT, ReverseReplicationRelationship", "INVOKE_INTENT, RequestStateChange",
            "INVOKE_SENT, RequestStateChange"})
    void aPlannedFailoverResumedAfterItsJobsAreGoneIsDecidedFromTheJournal(Type type, String step) throws Exception {
        killAndResumePlannedFailover(type, step, 1, false, false, Duration.ofHours(1));
    }

    /**
     * A journal written before the hosts were journalled (no VM_HOSTS records) is still resumed: the primary is
     * looked for again, which holds until the reverse makes it a replica.
     */
    @ParameterizedTest(name = "planned-failover, journal without hosts: killed after {0} {1}")
    @CsvSource({"INVOKE_INTENT, RequestReplicationStateChangeEx", "INVOKE_SENT, RequestReplicationStateChangeEx",
            "INVOKE_SENT, InitiateFailover"})
    void aJournalWithoutTheHostsIsResumedByLookingForThePrimaryAgain(Type type, String step) throws Exception {
        killAndResumePlannedFailover(type, step, 1, false, true, Duration.ofMinutes(2));
    }

    private void killAndResumePlannedFailover(Type type, String step, int nth, boolean wire, boolean withoutHosts,
                                              Duration pause) throws Exception {
        try (SimulatedHostFixture dr = PlanCliTest.site();
             SimulatedHost prod = SimulatedHost.start(Scenario.load(SimulatedHostFixture.testScenario(
                     "plan-site-primary.json")), SimulatedHostFixture.USER,
                     SimulatedHostFixture.PASSWORD.toCharArray(), dr.clock)) {
            PlannedFailoverLink.link(prod, dr.sim);
            Path plan = Files.writeString(dir.resolve("move.yaml"), plannedFailoverPlan(prod.endpoint(),
                    dr.sim.endpoint()));
            KillAfter kill = new KillAfter(type, step, nth, wire);
            Map<String, URI> endpoints = Map.of("prod", prod.endpoint(), "dr", dr.sim.endpoint());
            runUntilKilled(plan, kill, key -> kill.host(endpoints.get(key), dr.clock, key), dr.clock);
            // Resumed a pause later: the jobs the killed run started have ended (2 minutes: still on their
            // hosts; an hour: removed).
            dr.clock.advance(pause);
            if (withoutHosts) {
                Path journal = Journal.besidePlan(plan);
                List<String> lines = Files.readAllLines(journal);
                List<String> older = lines.stream().filter(l -> !l.contains("\"VM_HOSTS\"")).toList();
                assertTrue(older.size() < lines.size(), "the run journalled its hosts: " + lines);
                Files.write(journal, older);
            }

            SimulatedCli cli = new SimulatedCli(dr, dir);
            int code = cli.runExactly(PlanCliArgs.with(cli, "plan", "resume", plan.toString(), "--output", "json"));
            JsonNode out = cli.json();
            assertEquals(PlanCliTest.SITE.size(), out.get("vms").size(), out::toString);

            int[] reached = new int[RUNGS.size()];
            int succeeded = 0;
            try (HyperVHost prodHost = connect(prod.endpoint(), dr.clock, "prod", t -> t);
                 HyperVHost drHost = connect(dr.sim.endpoint(), dr.clock, "dr", t -> t)) {
                for (JsonNode v : out.get("vms")) {
                    String outcome = v.get("outcome").asText();
                    String id = v.get("id").asText();
                    List<Long> both = new ArrayList<>(readBack(prodHost, id));
                    both.addAll(readBack(drHost, id));
                    int rung = RUNGS.indexOf(both);
                    assertTrue(rung >= 0, v.get("vm").asText() + " is in no state of a planned failover on both "
                            + "hosts: " + both + "; " + v);
                    for (int i = 0; i <= rung; i++) {
                        reached[i]++;
                    }
                    // Decided every one: finished, kept from starting by the failure policy (stop), or an Invoke
                    // journalled and never sent (the host shows nothing happened), not sent again.
                    switch (outcome) {
                        case "succeeded" -> assertEquals(RUNGS.size() - 1, rung, v.toString());
                        case "not_run" -> assertEquals(0, rung, v.toString());
                        case "interrupted" -> assertTrue(v.get("message").asText().contains("it was not sent again")
                                && rung < RUNGS.size() - 1, v.toString());
                        default -> throw new AssertionError("undecided or failed: " + v);
                    }
                    succeeded += outcome.equals("succeeded") ? 1 : 0;
                }
            }
            if (wire && type == Type.INVOKE_INTENT) {
                assertTrue(out.toString().contains("\"interrupted\""), "the Invoke never sent is reported: " + out);
            }
            assertEquals(succeeded == PlanCliTest.SITE.size() ? 0 : 1, code, out.toString());
            // Each step reached by a VM was invoked once on its host, and no step on the other host.
            assertEquals(reached[1], prod.invocations(PLANNED_STEPS.get(0)), "prepare on prod, once per VM");
            for (int i = 1; i < PLANNED_STEPS.size(); i++) {
                assertEquals(reached[i + 1], dr.sim.invocations(PLANNED_STEPS.get(i)), PLANNED_STEPS.get(i)
                        + " on dr, once per VM");
                assertEquals(0, prod.invocations(PLANNED_STEPS.get(i)), PLANNED_STEPS.get(i) + " never on prod");
            }
            assertEquals(0, dr.sim.invocations(PLANNED_STEPS.get(0)), "prepare never on dr");
            Map<String, Long> intents = Journal.read(Journal.besidePlan(plan)).stream()
                    .filter(r -> r.type() == Type.INVOKE_INTENT)
                    .collect(Collectors.groupingBy(r -> r.vm() + " " + r.step(), Collectors.counting()));
            intents.forEach((k, n) -> assertEquals(1L, n, k + ": journalled and sent once"));
        }
    }
}
