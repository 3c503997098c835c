package io.hypervwsman.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hypervwsman.hyperv.HyperVHost;
import io.hypervwsman.plan.Journal;
import io.hypervwsman.plan.JournalRecord;
import io.hypervwsman.plan.PlanFile;
import io.hypervwsman.plan.PlanResult;
import io.hypervwsman.plan.PlannedGroup;
import io.hypervwsman.plan.VmOutcome;
import io.hypervwsman.plan.VmResult;
import io.hypervwsman.sim.ManualClock;
import io.hypervwsman.sim.Scenario;
import io.hypervwsman.sim.Lab;
import io.hypervwsman.sim.SimulatedHost;
import io.hypervwsman.sim.SimulatedLab;
import io.hypervwsman.transport.AuthMode;
import io.hypervwsman.transport.ConnectionOptions;
import io.hypervwsman.transport.Credentials;
import io.hypervwsman.transport.Transport;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The recovery-plan benchmark (BENCHMARKS.md, "Recovery plans"): a plan of 200 VMs in 4 groups over 6 simulated
 * hosts (unplanned failover + start), on simulated time, so that the wall time is the plan's own overhead beyond
 * the jobs' durations; then 20 runs killed at a random journal record and resumed. Not part of mvn verify.
 */
public final class PlanBenchMain {
    static final String USER = "LAB\\operator";
    static final char[] PASSWORD = "Bench-Pa55word!".toCharArray();
    static final int HOSTS = 6;
    static final int VMS = 200;
    static final int GROUPS = 4;
    private static final java.util.regex.Pattern ACTION = java.util.regex.Pattern.compile(
            "Action[^>]*>[^<]*/([A-Za-z]+)</");

    private PlanBenchMain() {
    }

    /** VM {@code i} lives on host i % 6 and belongs to group (i / 6) % 4, so every host has VMs in every group. */
    static String name(int i) {
        return "g" + (i / HOSTS) % GROUPS + "-vm" + i;
    }

    /**
     * Six simulated replica hosts holding 200 replicated VMs between them, named g{group}-vm{n}: alone (their primaries
     * are names only), or the DR site of a two-site lab whose production site (6 hosts, the primaries) is down
     * ({@link Mode#LAB_DISASTER}) or up with its primaries off ({@link Mode#LAB_PLANNED}).
     */
    static final class Site implements AutoCloseable {
        final ManualClock clock = new ManualClock(Instant.parse("2026-11-24T03:00:00Z"));
        final List<SimulatedHost> hosts = new ArrayList<>();
        final AtomicLong exchanges = new AtomicLong();
        /** Exchanges by kind (Get, Enumerate, Pull, Release, Invoke of a method), since the last {@link #kinds()}. */
        final java.util.concurrent.ConcurrentHashMap<String, AtomicLong> byKind =
                new java.util.concurrent.ConcurrentHashMap<>();

        private SimulatedLab lab;
        private final Mode mode;
        final List<SimulatedHost> primaries = new ArrayList<>();

        Site(Path dir) throws Exception {
            this(dir, Mode.ALONE);
        }

        Site(Path dir, Mode mode) throws Exception {
            this.mode = mode;
            if (mode != Mode.ALONE) {
                boolean planned = mode == Mode.LAB_PLANNED;
                List<Lab.LabVm> vms = new ArrayList<>();
                for (int i = 0; i < VMS; i++) {
                    vms.add(new Lab.LabVm(name(i), String.format("B0000000-0000-4000-8000-%012d", i),
                            "PROD-HV" + i % HOSTS, "DR-HV" + i % HOSTS,
                            planned ? Scenario.Power.OFF : Scenario.Power.RUNNING, 0));
                }
                List<String> prod = new ArrayList<>();
                List<String> dr = new ArrayList<>();
                for (int h = 0; h < HOSTS; h++) {
                    prod.add("PROD-HV" + h);
                    dr.add("DR-HV" + h);
                }
                lab = SimulatedLab.start(new Lab("bench-200", "dr.example", List.of(USER), 300, Map.of(),
                        List.of(new Lab.Site("prod", prod), new Lab.Site("dr", dr)), vms), USER, PASSWORD, clock);
                if (!planned) {
                    lab.takeDown("prod");
                }
                dr.forEach(h -> hosts.add(lab.host(h)));
                prod.forEach(h -> primaries.add(lab.host(h)));
                return;
            }
            ObjectMapper json = new ObjectMapper();
            for (int h = 0; h < HOSTS; h++) {
                ObjectNode s = json.createObjectNode().put("host", "DR-HV" + h).put("dnsDomain", "dr.example");
                s.putArray("users").add(USER);
                ArrayNode vms = s.putArray("vms");
                for (int i = h; i < VMS; i += HOSTS) {
                    ObjectNode vm = vms.addObject().put("name", name(i))
                            .put("id", String.format("B0000000-0000-4000-8000-%012d", i)).put("power", "off")
                            .put("replicationMode", 2);
                    vm.putArray("relationships").addObject().put("state", 3).put("health", 1)
                            .put("lastReplicationTime", "2026-11-24T02:55:00Z").put("failedOverReplicationType", 0);
                }
                Path file = dir.resolve("host" + h + ".json");
                json.writeValue(file.toFile(), s);
                hosts.add(SimulatedHost.start(Scenario.load(file), USER, PASSWORD, clock));
            }
        }

        String plan() {
            StringBuilder p = new StringBuilder("name: bench-200\nrpo: 15m\nconcurrency: { plan: 24, perHost: 6 }\n"
                    + "onFailure: continue\nhosts:\n");
            for (int h = 0; h < HOSTS; h++) {
                p.append("  hv").append(h).append(": { endpoint: \"").append(hosts.get(h).endpoint())
                        .append("\", user: 'LAB\\operator', auth: ntlm }\n");
                if (mode == Mode.LAB_PLANNED) {
                    p.append("  pv").append(h).append(": { endpoint: \"").append(primaries.get(h).endpoint())
                            .append("\", user: 'LAB\\operator', auth: ntlm }\n");
                }
            }
            String action = mode == Mode.LAB_PLANNED ? "planned-failover" : "unplanned-failover";
            p.append("groups:\n");
            for (int g = 0; g < GROUPS; g++) {
                for (int h = 0; h < HOSTS; h++) {
                    p.append("  - name: g").append(g).append("-hv").append(h).append("\n    host: hv").append(h)
                            .append("\n    action: ").append(action).append("\n    vms: [\"g").append(g).append("-*\"]\n");
                }
            }
            return p.toString();
        }

        HyperVHost open(String key) {
            int h = Integer.parseInt(key.substring(2));
            SimulatedHost target = key.startsWith("pv") ? primaries.get(h) : hosts.get(h);
            ConnectionOptions o = ConnectionOptions.builder(target.endpoint())
                    .auth(AuthMode.NTLM, new Credentials(USER, PASSWORD.clone())).build();
            return HyperVHost.builder().connect(o, t -> counting(t)).name(key).clock(clock)
                    .sleeper(d -> clock.advance(d)).build();
        }

        private Transport counting(Transport t) {
            return new Transport() {
                @Override
                public SoapReply exchange(byte[] envelope) {
                    exchanges.incrementAndGet();
                    byKind.computeIfAbsent(kind(envelope), k -> new AtomicLong()).incrementAndGet();
                    return t.exchange(envelope);
                }

                @Override
                public void close() {
                    t.close();
                }
            };
        }

        /** The request's WS-Addressing Action, last path segment (for an Invoke: the method). */
        private static String kind(byte[] envelope) {
            String text = new String(envelope, java.nio.charset.StandardCharsets.UTF_8);
            java.util.regex.Matcher m = ACTION.matcher(text);
            return m.find() ? m.group(1) : "?";
        }

        /** The exchanges by kind since the last call, per VM, as "Get 1.0, Enumerate 2.0, ..."; resets them. */
        String kinds() {
            StringBuilder b = new StringBuilder();
            new java.util.TreeMap<>(byKind).forEach((k, n) -> b.append(b.length() == 0 ? "" : ", ").append(k)
                    .append(' ').append(String.format("%.2f", n.get() / (double) VMS)));
            byKind.clear();
            return b.toString();
        }

        int invocations(String method) {
            return hosts.stream().mapToInt(h -> h.invocations(method)).sum();
        }

        /** VMs failed over (Recovered); after a planned failover: primary and Replicating on the DR site. */
        long inEffect() {
            return mode == Mode.LAB_PLANNED
                    ? count((h, vm) -> h.replicationMode(vm) == 1 && h.replicationState(vm) == 3)
                    : count((h, vm) -> h.replicationState(vm) == 5);
        }

        /** VMs running. */
        long running() {
            return count((h, vm) -> h.enabledState(vm) == 2);
        }

        private long count(java.util.function.BiPredicate<SimulatedHost, String> test) {
            long n = 0;
            for (SimulatedHost h : hosts) {
                for (int i = 0; i < VMS; i++) {
                    if (!h.vmIds(name(i)).isEmpty() && test.test(h, name(i))) {
                        n++;
                    }
                }
            }
            return n;
        }

        @Override
        public void close() {
            if (lab != null) {
                lab.close();
            } else {
                hosts.forEach(SimulatedHost::close);
            }
        }
    }

    /** Which hosts the plan runs against. */
    enum Mode {
        ALONE("6 replica hosts alone, unplanned failover + start"),
        LAB_DISASTER("the DR site of a 2 x 6-host lab, production site down, unplanned failover + start"),
        LAB_PLANNED("a 2 x 6-host lab, primaries off, planned failover (prepare, failover, reverse, start)");

        final String description;

        Mode(String description) {
            this.description = description;
        }
    }

    /** Refuses every journal write after the {@code n}th, as a kill -9 would. */
    static final class KillAt implements Consumer<JournalRecord> {
        private final int n;
        private int written;

        KillAt(int n) {
            this.n = n;
        }

        @Override
        public synchronized void accept(JournalRecord r) {
            if (++written > n) {
                throw new Killed();
            }
        }
    }

    static final class Killed extends Error {
        Killed() {
            super("killed", null, false, false);
        }
    }

    /**
     * Args: [SEED [KILLS]] [lab|planned] [no-kills]: "lab" runs the same plan against the DR site of a two-site lab
     * whose production site is down, "planned" a planned failover of the 200 VMs over the lab; no-kills: 0 kills.
     */
    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("plan-bench");
        int totalRecords;
        List<String> words = List.of(args).stream().filter(a -> !a.matches("\\d+")).toList();
        List<String> numbers = List.of(args).stream().filter(a -> a.matches("\\d+")).toList();
        Mode asLab = words.contains("lab") ? Mode.LAB_DISASTER : words.contains("planned") ? Mode.LAB_PLANNED : Mode.ALONE;
        System.out.println("hosts: " + asLab.description);
        try (Site site = new Site(dir, asLab)) {
            Path planPath = Files.writeString(dir.resolve("bench.yaml"), site.plan());
            PlanFile file = PlanFile.read(planPath);
            resetPeaks();
            long t0 = System.nanoTime();
            PlanResult r;
            try (PlanSession s = new PlanSession(file, site::open, Duration.ofMinutes(30), site.clock,
                    d -> site.clock.advance(d)); Journal j = Journal.open(dir.resolve("bench.journal"))) {
                List<PlannedGroup> groups = s.resolve();
                System.out.printf("exchanges per VM, resolution: %s%n", site.kinds());
                new PlanPreChecks(s, false, site.clock).check(groups);
                System.out.printf("exchanges per VM, pre-checks: %s%n", site.kinds());
                r = s.run(groups, j, (g, i) -> true).execute();
                System.out.printf("exchanges per VM, run: %s%n", site.kinds());
                totalRecords = j.records().size();
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            long ok = r.vms().values().stream().filter(v -> v.outcome() == VmOutcome.SUCCEEDED).count();
            System.out.printf("plan of %d VMs, %d groups (x%d hosts), %d hosts: %d succeeded%n", VMS, GROUPS, HOSTS,
                    HOSTS, ok);
            System.out.printf("wall time (check + run, jobs on simulated time): %.2f s = overhead beyond jobs%n", wall);
            System.out.printf("peak heap: %.1f MB; peak threads: %d%n", peakHeapMb(),
                    ManagementFactory.getThreadMXBean().getPeakThreadCount());
            System.out.printf("WS-Man exchanges per VM (check + run, incl. resolution): %.1f%n",
                    site.exchanges.get() / (double) VMS);
            System.out.printf("InitiateFailover sent %d, RequestStateChange sent %d, VMs failed over %d%n",
                    site.invocations("InitiateFailover"), site.invocations("RequestStateChange"), site.inEffect());
            if (asLab == Mode.LAB_PLANNED) {
                System.out.printf("prepared on the primaries %d, reversed %d, VMs now primary on DR %d (their old"
                        + " primaries replicas: %d)%n", site.primaries.stream().mapToInt(
                                h -> h.invocations("RequestReplicationStateChangeEx")).sum(),
                        site.invocations("ReverseReplicationRelationship"), site.inEffect(), site.primaries.stream()
                                .mapToLong(h -> java.util.stream.IntStream.range(0, VMS).filter(i -> !h.vmIds(name(i))
                                        .isEmpty() && h.replicationMode(name(i)) == 2).count()).sum());
            }
            System.out.printf("journal records: %d%n", totalRecords);
        }
        Random random = new Random(numbers.size() > 0 ? Long.parseLong(numbers.get(0)) : 18L);
        int kills = words.contains("no-kills") ? 0 : numbers.size() > 1 ? Integer.parseInt(numbers.get(1)) : 20;
        int duplicates = 0;
        int undecided = 0;
        for (int k = 0; k < kills; k++) {
            int at = 1 + random.nextInt(totalRecords - 1);
            int[] d = killAndResume(dir.resolve("kill" + k), at, asLab);
            duplicates += d[0];
            undecided += d[1];
            System.out.printf("kill %2d at record %4d: duplicate Invokes %d, undecided VMs %d, failed (not re-sent) %d,"
                    + " interrupted (host shows nothing happened, not re-sent) %d%n", k + 1, at, d[0], d[1], d[2], d[3]);
        }
        System.out.printf("%d kills: %d duplicate Invokes, %d undecided VMs%n", kills, duplicates, undecided);
    }

    /**
     * {duplicate Invokes, undecided VMs, VMs failed (not re-sent), VMs interrupted (not re-sent, nothing happened)}
     * after a kill at record {@code at} and a resume; prints what the resume said of each VM not succeeded.
     */
    static int[] killAndResume(Path dir, int at, Mode asLab) throws Exception {
        Files.createDirectories(dir);
        try (Site site = new Site(dir, asLab)) {
            Path planPath = Files.writeString(dir.resolve("bench.yaml"), site.plan());
            PlanFile file = PlanFile.read(planPath);
            Path journal = dir.resolve("bench.journal");
            try (PlanSession s = new PlanSession(file, site::open, Duration.ofMinutes(30), site.clock,
                    d -> site.clock.advance(d))) {
                List<PlannedGroup> groups = s.resolve();
                Journal j = Journal.open(journal, new KillAt(at));
                try {
                    s.run(groups, j, (g, i) -> true).execute();
                } catch (Throwable killed) {
                    // the kill
                }
                j.close();
                // The killed run's threads end at their next journal write; wait for the host to go quiet.
                quiesce(site);
            }
            PlanResult r;
            try (PlanSession s = new PlanSession(file, site::open, Duration.ofMinutes(30), site.clock,
                    d -> site.clock.advance(d)); Journal j = Journal.open(journal)) {
                r = s.run(s.resolve(), j, (g, i) -> true).resume();
            }
            // An Invoke sent twice shows as more Invokes than VMs showing their effect (failed over; running).
            int dup = (int) (site.invocations("InitiateFailover") - site.inEffect())
                    + (int) (site.invocations("RequestStateChange") - site.running());
            int undecided = 0;
            int notResent = 0;
            int interrupted = 0;
            for (var e : r.vms().entrySet()) {
                VmResult v = e.getValue();
                undecided += v.outcome() == VmOutcome.UNKNOWN || v.outcome() == VmOutcome.NOT_RUN ? 1 : 0;
                notResent += v.outcome() == VmOutcome.FAILED ? 1 : 0;
                interrupted += v.outcome() == VmOutcome.INTERRUPTED ? 1 : 0;
                if (v.outcome() != VmOutcome.SUCCEEDED) {
                    System.out.printf("  %s %s: %s%n", e.getKey(), v.outcome(), v.message());
                }
            }
            return new int[] {dup, undecided, notResent, interrupted};
        }
    }

    private static void quiesce(Site site) throws InterruptedException {
        long before = -1;
        long now = site.exchanges.get();
        while (now != before) {
            before = now;
            Thread.sleep(300);
            site.clock.advance(Duration.ofSeconds(5));
            now = site.exchanges.get();
        }
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        ManagementFactory.getThreadMXBean().resetPeakThreadCount();
    }

    private static double peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1048576.0;
    }
}
