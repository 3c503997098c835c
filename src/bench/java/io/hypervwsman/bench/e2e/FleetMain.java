package io.hypervwsman.bench.e2e;

import io.hypervwsman.hyperv.HyperVHost;
import io.hypervwsman.hyperv.OperationOptions;
import io.hypervwsman.hyperv.replica.OperationOutcome;
import io.hypervwsman.hyperv.replica.ReplicaOperations;
import io.hypervwsman.hyperv.replica.Outcome;
import io.hypervwsman.hyperv.VmRef;
import io.hypervwsman.sim.SimulatedHost;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * 200 concurrent revert-failover operations over 20 simulated hosts (10 VMs each) from one JVM; prints
 * {@code fleet key=value} lines for {@link Fleet}. Run with -Xmx256m.
 */
public final class FleetMain {
    private static final int HOSTS = 20;
    private static final int VMS = 10;
    private static final String JOB = "PT5S";

    private FleetMain() {
    }

    public static void main(String[] args) throws Exception {
        List<SimulatedHost> sims = new ArrayList<>();
        List<HyperVHost> hosts = new ArrayList<>();
        for (int h = 0; h < HOSTS; h++) {
            SimulatedHost sim = BenchHosts.start(BenchHosts.recoveredReplicas(String.format(Locale.ROOT, "HV%02d", h),
                    "vm", VMS, i -> JOB), java.time.Clock.systemUTC());
            sims.add(sim);
            hosts.add(HyperVHost.connect(BenchHosts.ntlm(sim, VMS)));
        }
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        ManagementFactory.getThreadMXBean().resetPeakThreadCount();
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        long gcBefore = gcCount();
        long gcTimeBefore = gcMillis();

        AtomicInteger errors = new AtomicInteger();
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        List<String> firstErrors = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(HOSTS * VMS);
        long[] durations = new long[HOSTS * VMS];
        List<ReplicaOperations> replicas = hosts.stream().map(ReplicaOperations::of).toList();
        List<Thread> threads = new ArrayList<>();
        for (int h = 0; h < HOSTS; h++) {
            for (int v = 0; v < VMS; v++) {
                ReplicaOperations replica = replicas.get(h);
                String vm = String.format(Locale.ROOT, "vm-%02d", v);
                int slot = h * VMS + v;
                Thread t = new Thread(() -> {
                    try {
                        go.await();
                        long s = System.nanoTime();
                        OperationOutcome o = replica.revertFailover(VmRef.of(vm), OperationOptions.defaults()
                                .withTimeout(Duration.ofMinutes(2)));
                        durations[slot] = System.nanoTime() - s;
                        outcomes.computeIfAbsent(o.outcome().name(), k -> new AtomicInteger()).incrementAndGet();
                        if (o.outcome() != Outcome.SUCCEEDED) {
                            errors.incrementAndGet();
                            firstErrors.add(o.message());
                        }
                    } catch (Throwable e) {
                        errors.incrementAndGet();
                        firstErrors.add(e.toString());
                    } finally {
                        done.countDown();
                    }
                }, "op-" + slot);
                threads.add(t);
                t.start();
            }
        }
        long start = System.nanoTime();
        go.countDown();
        done.await();
        long wall = System.nanoTime() - start;

        long peakHeap = 0;
        long oldAfterGc = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakHeap += pool.getPeakUsage().getUsed();
                if (pool.getCollectionUsage() != null && pool.getName().contains("Old")) {
                    oldAfterGc = pool.getCollectionUsage().getUsed();
                }
            }
        }
        int invoked = sims.stream().mapToInt(s -> s.invocations("RevertFailover")).sum();
        int handshakes = sims.stream().mapToInt(s -> s.gateway().completedHandshakes()).sum();
        int requests = sims.stream().mapToInt(s -> s.gateway().requestCount()).sum();
        java.util.Arrays.sort(durations);
        print("job", JOB.substring(2).toLowerCase(Locale.ROOT) + " (simulated host, real time)");
        print("operations", Integer.toString(HOSTS * VMS));
        print("wall time", String.format(Locale.ROOT, "%.2f s", wall / 1e9));
        print("per operation: median / max", String.format(Locale.ROOT, "%.2f s / %.2f s",
                durations[durations.length / 2] / 1e9, durations[durations.length - 1] / 1e9));
        print("outcomes", outcomes.toString());
        print("errors", errors.get() + (firstErrors.isEmpty() ? "" : " (first: " + firstErrors.get(0) + ")"));
        print("RevertFailover invocations seen by the hosts", Integer.toString(invoked));
        print("NTLM handshakes / HTTP requests at the hosts", handshakes + " / " + requests);
        print("peak heap (sum of pool peaks, -Xmx256m; client and 20 simulated hosts)",
                String.format(Locale.ROOT, "%.1f MB", peakHeap / 1e6));
        print("old generation after the last GC", String.format(Locale.ROOT, "%.1f MB", oldAfterGc / 1e6));
        print("GCs during the run / GC time", (gcCount() - gcBefore) + " / " + (gcMillis() - gcTimeBefore) + " ms");
        print("threads before start / peak (incl. 200 operation threads and the hosts' server threads)",
                threadsBefore + " / " + ManagementFactory.getThreadMXBean().getPeakThreadCount());
        hosts.forEach(HyperVHost::close);
        sims.forEach(SimulatedHost::close);
    }

    private static void print(String key, String value) {
        System.out.println("fleet " + key + "=" + value);
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }
}
