package io.hypervwsman.bench.chaos;

import io.hypervwsman.HyperVWsManException;
import io.hypervwsman.hyperv.HyperVHost;
import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.ReverseOptions;
import io.hypervwsman.hyperv.VmRef;
import io.hypervwsman.hyperv.replica.DecidedBy;
import io.hypervwsman.hyperv.replica.Operation;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.Outcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import io.hypervwsman.sim.HostFault;
import io.hypervwsman.sim.ManualClock;
import io.hypervwsman.sim.Scenario;
import io.hypervwsman.sim.SimulatedHost;
import io.hypervwsman.transport.AuthMode;
import io.hypervwsman.transport.ConnectionOptions;
import io.hypervwsman.transport.Credentials;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The chaos soak (issue 17, gap 3): many simulated hosts, each driven by one thread through random Replica
 * operations of every verb, with random faults from the whole fault set armed at random moments (and WinRM service
 * restarts), then every reported outcome compared with what the simulated host actually did. Each host runs its
 * operations one after another, so the host's Invoke count before and after an operation is exactly that
 * operation's Invokes, and its VM's state before and after is exactly that operation's effect.
 *
 * <p>Run: {@code mvn -B -Pbench verify -DskipTests -Dbench.main=io.hypervwsman.bench.chaos.ChaosSoak
 * -Dbench.args="--seed 17 --hosts 8 --vms 12 --operations 2400"}. Not part of {@code mvn verify}.
 */
public final class ChaosSoak {
    static final String USER = "LAB\\operator";
    static final String PASSWORD = "Soak-Pa55word!";
    private static final Operation[] VERBS = {Operation.REVERT_FAILOVER, Operation.INITIATE_FAILOVER,
        Operation.COMMIT_FAILOVER, Operation.TEST_FAILOVER, Operation.STOP_TEST_FAILOVER,
        Operation.PREPARE_PLANNED_FAILOVER, Operation.REVERSE_REPLICATION, Operation.RESYNCHRONIZE};
    private static final String[] TARGETS = {null, "Enumerate", "Pull", "Get", null};

    private final long seed;
    private final int hosts;
    private final int vms;
    private final int operations;
    private final Tally tally = new Tally();

    private ChaosSoak(long seed, int hosts, int vms, int operations) {
        this.seed = seed;
        this.hosts = hosts;
        this.vms = vms;
        this.operations = operations;
    }

    public static void main(String[] args) throws Exception {
        long seed = 17;
        int hosts = 8;
        int vms = 12;
        int operations = 2400;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--hosts" -> hosts = Integer.parseInt(args[i + 1]);
                case "--vms" -> vms = Integer.parseInt(args[i + 1]);
                case "--operations" -> operations = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        int code = new ChaosSoak(seed, hosts, vms, operations).run();
        System.exit(code);
    }

    private int run() throws Exception {
        // A short warm-up first, so that the baselines include the JDK's and libraries' lazily opened jars and
        // long-lived threads (JIT, reference handlers, HttpClient's shared pieces), not only a cold JVM's.
        new HostRun(hosts, 20, new Random(seed - 1)).run();
        tally.reset();
        awaitThreadsGone(Thread.getAllStackTraces().keySet());
        Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();
        long fdsBefore = fds("");
        long socketsBefore = fds("socket:");
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(hosts);
        List<Future<?>> runs = new ArrayList<>();
        for (int h = 0; h < hosts; h++) {
            int host = h;
            int share = operations / hosts + (h < operations % hosts ? 1 : 0);
            runs.add(pool.submit(() -> new HostRun(host, share, new Random(seed * 1_000_003L + host)).run()));
        }
        for (Future<?> f : runs) {
            f.get();
        }
        pool.shutdown();
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        List<String> leaked = awaitThreadsGone(threadsBefore);
        long fdsAfter = awaitFds("", fdsBefore);
        long socketsAfter = awaitFds("socket:", socketsBefore);
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getPeakUsage).mapToLong(u -> u.getUsed()).sum();
        tally.print(seed, hosts, vms, seconds, leaked, fdsAfter - fdsBefore, socketsAfter - socketsBefore, peakHeap);
        boolean clean = tally.duplicates.get() == 0 && tally.disagreements.isEmpty() && leaked.isEmpty()
                && fdsAfter <= fdsBefore && socketsAfter <= socketsBefore;
        return clean ? 0 : 1;
    }

    /** One simulated host and the thread that drives it. */
    private final class HostRun {
        private final int index;
        private final int count;
        private final Random random;
        private final ManualClock clock = new ManualClock(Instant.parse("2026-11-24T03:00:00Z"));
        private SimulatedHost sim;
        private int restartAfterWaits = -1;

        HostRun(int index, int count, Random random) {
            this.index = index;
            this.count = count;
            this.random = random;
        }

        void run() {
            String name = String.format(Locale.ROOT, "HV%02d", index);
            sim = SimulatedHost.start(scenario(name), USER, PASSWORD.toCharArray(), clock);
            ConnectionOptions options = ConnectionOptions.builder(sim.endpoint())
                    .auth(AuthMode.NTLM, new Credentials(USER, PASSWORD.toCharArray()))
                    .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(1))
                    .exchangeTimeout(Duration.ofSeconds(3)).maxConnections(2).build();
            try (HyperVHost host = HyperVHost.builder().connect(options).name(name).clock(clock)
                    .sleeper(this::waitOnSimulatedTime).build()) {
                ReplicaOperations replica = ReplicaOperations.of(host);
                for (int i = 0; i < count; i++) {
                    one(replica, name);
                }
            } finally {
                tally.addShown(sim.faults().shown());
                sim.close();
            }
        }

        private void waitOnSimulatedTime(Duration d) {
            if (restartAfterWaits > 0 && --restartAfterWaits == 0) {
                sim.startService();
            }
            clock.advance(d);
        }

        private void one(ReplicaOperations replica, String hostName) {
            String vm = String.format(Locale.ROOT, "vm-%02d", random.nextInt(vms));
            Operation verb = VERBS[random.nextInt(VERBS.length)];
            armFaults(verb);
            Snapshot before = Snapshot.of(sim, vm);
            int invokesBefore = sim.invocations(verb.method());
            OperationOutcome outcome = null;
            HyperVWsManException error = null;
            try {
                outcome = perform(replica, verb, vm);
            } catch (HyperVWsManException e) {
                error = e;
            }
            sim.faults().clear();
            if (restartAfterWaits >= 0) {
                restartAfterWaits = -1;
                sim.startService();
            }
            clock.advance(Duration.ofMinutes(1)); // any job still running ends before the ground truth is read
            Snapshot after = Snapshot.of(sim, vm);
            int invokes = sim.invocations(verb.method()) - invokesBefore;
            tally.judge(hostName + "/" + vm, verb, outcome, error, invokes, !before.equals(after));
        }

        private void armFaults(Operation verb) {
            int n = random.nextDouble() < 0.75 ? 1 : 0;
            n += random.nextDouble() < 0.35 ? 1 : 0;
            for (int i = 0; i < n; i++) {
                HostFault fault = HostFault.values()[random.nextInt(HostFault.values().length)];
                String target = random.nextInt(3) == 0 ? verb.method() : TARGETS[random.nextInt(TARGETS.length)];
                if (target == null) {
                    sim.faults().once(fault);
                } else {
                    sim.faults().once(fault, target);
                }
            }
            if (random.nextDouble() < 0.05) {
                sim.stopService();
                restartAfterWaits = 1 + random.nextInt(3);
                tally.restarts.incrementAndGet();
            }
        }

        private OperationOutcome perform(ReplicaOperations replica, Operation verb, String vm) {
            OperationOptions o = OperationOptions.defaults().withTimeout(Duration.ofMinutes(5));
            VmRef ref = VmRef.of(vm);
            return switch (verb.method()) {
                case "RevertFailover" -> replica.revertFailover(ref, o);
                case "InitiateFailover" -> replica.initiateFailover(ref, o);
                case "CommitFailover" -> replica.commitFailover(ref, o);
                case "TestReplicaSystem" -> replica.testFailover(ref, o);
                case "DestroySystem" -> replica.stopTestFailover(ref, o);
                case "RequestReplicationStateChangeEx" -> replica.preparePlannedFailover(ref, o);
                case "ReverseReplicationRelationship" -> replica.reverseReplication(ref,
                        new ReverseOptions("hv-replica.lab.example", null, null, null), o);
                case "Resynchronize" -> replica.resynchronize(ref, o);
                default -> throw new IllegalStateException(verb.method());
            };
        }
    }

    /** What the simulated host shows of one VM: its relationship's state, its mode, power, and test VMs. */
    private record Snapshot(int state, int mode, int enabled, int testVms, int recoveryPoints, String target) {
        static Snapshot of(SimulatedHost sim, String vm) {
            int state;
            String target;
            try {
                state = sim.replicationState(vm);
                target = sim.replicationTarget(vm);
            } catch (IllegalArgumentException e) {
                state = -1;
                target = "";
            }
            return new Snapshot(state, sim.replicationMode(vm), sim.enabledState(vm), sim.vmIds(vm + " - Test").size(),
                    sim.recoveryPoints(vm), target);
        }
    }

    private Scenario scenario(String host) {
        List<Scenario.Vm> list = new ArrayList<>();
        for (int i = 0; i < vms; i++) {
            String id = String.format(Locale.ROOT, "%08X-0000-4000-8000-%012X", host.hashCode() & 0x7fffffff, i);
            Scenario.Relationship rel = new Scenario.Relationship(5, 2, "2026-11-23T09:55:00.117204Z", null, 1, null,
                    null, null);
            list.add(new Scenario.Vm(String.format(Locale.ROOT, "vm-%02d", i), id, Scenario.Power.OFF, 2,
                    List.of(rel), null, Map.of(), null));
        }
        return new Scenario(host, "lab.example", List.of(USER), "PT2M", Map.of(), list, List.of());
    }

    /** Every outcome against the ground truth. */
    private static final class Tally {
        final AtomicInteger duplicates = new AtomicInteger();
        final AtomicInteger restarts = new AtomicInteger();
        final List<String> disagreements = Collections.synchronizedList(new ArrayList<>());
        final List<String> unknowns = Collections.synchronizedList(new ArrayList<>());
        final Map<String, Integer> byVerbAndOutcome = new TreeMap<>();
        final Map<HostFault, Integer> shown = new EnumMap<>(HostFault.class);
        int operations;
        int invokes;

        synchronized void reset() {
            duplicates.set(0);
            restarts.set(0);
            disagreements.clear();
            unknowns.clear();
            byVerbAndOutcome.clear();
            shown.clear();
            operations = 0;
            invokes = 0;
        }

        synchronized void addShown(Map<HostFault, Integer> s) {
            s.forEach((f, n) -> shown.merge(f, n, Integer::sum));
        }

        synchronized void judge(String where, Operation verb, OperationOutcome o, HyperVWsManException e, int invokes,
                                boolean changed) {
            operations++;
            this.invokes += invokes;
            if (invokes > 1) {
                duplicates.addAndGet(invokes - 1);
                disagreements.add(where + " " + verb.method() + " reached the host " + invokes + " times");
            }
            String reported = e != null ? "error" : o.outcome().label() + "/" + o.decidedBy().label();
            byVerbAndOutcome.merge(verb.method() + " " + reported, 1, Integer::sum);
            String truth = "host: " + invokes + " Invoke(s), " + (changed ? "state changed" : "state unchanged");
            if (e != null) {
                if (invokes != 0 || changed) {
                    disagreements.add(where + " " + verb.method() + " threw (" + e.getMessage() + ") but " + truth);
                }
                return;
            }
            boolean agrees = switch (o.outcome()) {
                // nothing to do (the VM was already where the verb brings it): nothing invoked, nothing changed
                case SUCCEEDED -> o.decidedBy() == DecidedBy.NOTHING_TO_DO ? invokes == 0 && !changed
                        : invokes == 1 && changed;
                case FAILED -> !changed;
                default -> true;
            };
            if (o.outcome() == Outcome.UNKNOWN || o.outcome() == Outcome.TIMED_OUT) {
                unknowns.add(where + " " + verb.method() + " " + o.outcome().label() + ": " + o.message() + " ["
                        + truth + "]");
            } else if (!agrees) {
                disagreements.add(where + " " + verb.method() + " reported " + reported + " (" + o.message() + ") but "
                        + truth);
            }
        }

        synchronized void print(long seed, int hosts, int vms, long seconds, List<String> leaked, long fds,
                                long sockets, long peakHeap) {
            int injected = shown.values().stream().mapToInt(Integer::intValue).sum() + restarts.get();
            out("# chaos soak: seed %d, %d hosts x %d VMs, %d operations in %d s", seed, hosts, vms, operations,
                    seconds);
            out("Invokes that reached the hosts: %d; duplicate Invokes: %d", invokes, duplicates.get());
            out("faults injected (shown by the hosts): %d", injected);
            shown.forEach((f, n) -> out("  %-22s %d", f.scenarioName(), n));
            out("  %-22s %d", "service-restart", restarts.get());
            out("outcomes by verb (outcome/decidedBy):");
            byVerbAndOutcome.forEach((k, n) -> out("  %-60s %d", k, n));
            out("disagreements with ground truth: %d", disagreements.size());
            disagreements.forEach(d -> out("  %s", d));
            out("unknown or timed-out outcomes: %d", unknowns.size());
            unknowns.forEach(u -> out("  %s", u));
            out("leaked threads: %d %s; fds: %+d; sockets: %+d; peak heap: %d MiB", leaked.size(), leaked, fds,
                    sockets, peakHeap >> 20);
        }

        private static void out(String format, Object... args) {
            System.out.println(String.format(Locale.ROOT, format, args));
        }
    }

    private static List<String> awaitThreadsGone(Set<Thread> before) throws InterruptedException {
        List<String> extra = List.of();
        for (int i = 0; i < 100; i++) {
            extra = Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t) && t.isAlive())
                    .map(Thread::getName).sorted().collect(Collectors.toList());
            if (extra.isEmpty()) {
                break;
            }
            Thread.sleep(100); // a soak runner, not a test: pools wind down in real time
        }
        return extra;
    }

    private static long awaitFds(String prefix, long baseline) throws InterruptedException {
        long n = fds(prefix);
        for (int i = 0; i < 50 && n > baseline; i++) {
            Thread.sleep(100);
            n = fds(prefix);
        }
        return n;
    }

    /** Open file descriptors of this process whose target starts with {@code prefix} ("" for all). */
    private static long fds(String prefix) {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return s.filter(p -> {
                try {
                    return Files.readSymbolicLink(p).toString().startsWith(prefix);
                } catch (IOException e) {
                    return false;
                }
            }).count();
        } catch (IOException e) {
            return -1;
        }
    }
}
