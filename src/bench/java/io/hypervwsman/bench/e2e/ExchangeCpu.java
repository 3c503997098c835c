package io.hypervwsman.bench.e2e;

import io.hypervwsman.sim.SimulatedHost;
import io.hypervwsman.transport.Transport;
import io.hypervwsman.transport.Transports;
import io.hypervwsman.wsman.SelectorSet;
import io.hypervwsman.wsman.WsManClient;
import io.hypervwsman.wsman.WsManNamespace;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client's CPU per encrypted exchange (NTLM + message encryption over loopback HTTP) against a simulated host in
 * the same JVM, measured as the calling thread's CPU time (HttpClient classic does its I/O on the caller; the host
 * works on its own threads, so its CPU is not counted). Two parts, in one fresh JVM:
 * <ol>
 *   <li>the first 100 exchanges (Gets of one Msvm_ComputerSystem, the first one creating the client): the JIT
 *       warm-up a short-lived process or a one-minute plan lives in;</li>
 *   <li>steady state per operation after {@code warmUpSeconds} of the three operations in turn: Get, Enumerate +
 *       Pull (WQL, not optimized, two exchanges) and Invoke (Msvm_ReplicationService.RevertFailover with a VM
 *       reference, answered with a return value), each measured alone for {@code windowSeconds}.</li>
 * </ol>
 *
 * <p>Run: {@code mvn -B -Pbench verify -DskipTests -Dbench.main=io.hypervwsman.bench.e2e.ExchangeCpu
 * -Dbench.args="60 10"} (warm-up and window seconds).
 */
public final class ExchangeCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String V2 = "root/virtualization/v2";
    private static final String COMPUTER_SYSTEM = WsManNamespace.wmiClass(V2, "Msvm_ComputerSystem");

    private ExchangeCpu() {
    }

    public static void main(String[] args) throws Exception {
        int warmUpSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int windowSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        // HTTP.sys sends without delay; without this the JDK server's replies wait ~40 ms for a delayed ACK.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        System.out.printf(Locale.ROOT, "JVM: %s %s, flags %s; load average at the start: %s%n",
                System.getProperty("java.vm.name"), System.getProperty("java.vm.version"),
                ManagementFactory.getRuntimeMXBean().getInputArguments(), EndToEndMain.loadAverage());
        try (SimulatedHost sim = BenchHosts.start(BenchHosts.recoveredReplicas("HV01", "vm", 2, i -> "PT5S"),
                Clock.systemUTC())) {
            SelectorSet vmKeys = SelectorSet.of("CreationClassName", "Msvm_ComputerSystem", "Name",
                    sim.vmIds("vm-00").get(0));
            firstExchanges(sim, vmKeys);
            steadyState(sim, vmKeys, warmUpSeconds, windowSeconds);
        }
        System.out.printf(Locale.ROOT, "load average at the end: %s%n", EndToEndMain.loadAverage());
    }

    private static void firstExchanges(SimulatedHost sim, SelectorSet vmKeys) {
        long[] cpu = new long[100];
        long[] wall = new long[cpu.length];
        WsManClient client = null;
        try {
            for (int n = 0; n < cpu.length; n++) {
                long c0 = THREADS.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                if (client == null) {
                    client = WsManClient.connect(BenchHosts.ntlm(sim, 1));
                }
                client.get(COMPUTER_SYSTEM, vmKeys);
                wall[n] = System.nanoTime() - w0;
                cpu[n] = THREADS.getCurrentThreadCpuTime() - c0;
            }
        } finally {
            if (client != null) {
                client.close();
            }
        }
        System.out.println();
        System.out.println("First 100 exchanges of a fresh JVM (Get; #1 includes creating the client):");
        System.out.println();
        System.out.println("| exchanges | client CPU µs | wall µs |");
        System.out.println("|---|---|---|");
        for (int i : new int[] {1, 2, 3, 10, 30, 100}) {
            row("#" + i, cpu[i - 1], wall[i - 1]);
        }
        row("median of #2-#10", median(cpu, 1, 10), median(wall, 1, 10));
        row("median of #11-#100", median(cpu, 10, 100), median(wall, 10, 100));
        row("sum of #1-#100", Arrays.stream(cpu).sum(), Arrays.stream(wall).sum());
    }

    private static void steadyState(SimulatedHost sim, SelectorSet vmKeys, int warmUpSeconds, int windowSeconds) {
        CountingTransport counting = new CountingTransport(Transports.open(BenchHosts.ntlm(sim, 1)));
        try (WsManClient client = new WsManClient(BenchHosts.ntlm(sim, 1), counting)) {
            Map<String, Runnable> byName = MeasuredOperations.of(client, vmKeys.selectors().get("Name"));
            Map<String, Runnable> ops = new LinkedHashMap<>();
            ops.put("Get (Msvm_ComputerSystem)", byName.get("get"));
            ops.put("Enumerate + Pull (WQL, 2 VMs)", byName.get("enumerate"));
            ops.put("Invoke (RevertFailover)", byName.get("invoke"));
            long warmEnd = System.nanoTime() + warmUpSeconds * 1_000_000_000L;
            while (System.nanoTime() < warmEnd) {
                ops.values().forEach(Runnable::run);
            }
            System.out.println();
            System.out.printf(Locale.ROOT, "Steady state after %d s of warm-up, each operation alone for %d s:%n",
                    warmUpSeconds, windowSeconds);
            System.out.println();
            System.out.println("| operation | exchanges per operation | operations | client CPU µs per exchange, mean"
                    + " | lowest of 5 sub-window means | median | of which kernel (mean) | request bytes | reply bytes |");
            System.out.println("|---|---|---|---|---|---|---|---|---|");
            for (Map.Entry<String, Runnable> op : ops.entrySet()) {
                measure(op.getKey(), op.getValue(), counting, windowSeconds);
            }
        }
    }

    /**
     * Five sub-windows of a fifth of the window each: the mean over all of them, the median operation, the kernel
     * share, and the lowest sub-window mean (on a shared machine, other processes only ever add to a thread's CPU
     * time per operation, through cache and scheduler interference, so the lowest is the least disturbed).
     */
    private static void measure(String name, Runnable op, CountingTransport counting, int windowSeconds) {
        List<Long> perOp = new ArrayList<>();
        long exchanges0 = counting.exchanges.get();
        long requestBytes0 = counting.requestBytes.get();
        long replyBytes0 = counting.replyBytes.get();
        long cpu = 0;
        long user = 0;
        double best = Double.MAX_VALUE;
        for (int sub = 0; sub < 5; sub++) {
            long subExchanges0 = counting.exchanges.get();
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long userStart = THREADS.getCurrentThreadUserTime();
            long end = System.nanoTime() + windowSeconds * 200_000_000L;
            while (System.nanoTime() < end) {
                long c0 = THREADS.getCurrentThreadCpuTime();
                op.run();
                perOp.add(THREADS.getCurrentThreadCpuTime() - c0);
            }
            long subCpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
            cpu += subCpu;
            user += THREADS.getCurrentThreadUserTime() - userStart;
            best = Math.min(best, subCpu / 1e3 / Math.max(1, counting.exchanges.get() - subExchanges0));
        }
        long ops = perOp.size();
        long exchanges = counting.exchanges.get() - exchanges0;
        double perExchange = exchanges / (double) ops;
        long[] sorted = perOp.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "| %s | %.0f | %,d | %.1f | %.1f | %.1f | %.1f | %,d | %,d |%n", name,
                perExchange, ops, cpu / 1e3 / exchanges, best, sorted[sorted.length / 2] / 1e3 / perExchange,
                (cpu - user) / 1e3 / exchanges, (counting.requestBytes.get() - requestBytes0) / ops,
                (counting.replyBytes.get() - replyBytes0) / ops);
    }

    private static void row(String label, long cpuNanos, long wallNanos) {
        System.out.printf(Locale.ROOT, "| %s | %,.0f | %,.0f |%n", label, cpuNanos / 1e3, wallNanos / 1e3);
    }

    private static long median(long[] values, int from, int to) {
        long[] copy = Arrays.copyOfRange(values, from, to);
        Arrays.sort(copy);
        return copy[copy.length / 2];
    }

    /** Counts exchanges and plaintext SOAP bytes each way (before sealing, after unsealing). */
    private static final class CountingTransport implements Transport {
        private final Transport delegate;
        final AtomicLong exchanges = new AtomicLong();
        final AtomicLong requestBytes = new AtomicLong();
        final AtomicLong replyBytes = new AtomicLong();

        CountingTransport(Transport delegate) {
            this.delegate = delegate;
        }

        @Override
        public SoapReply exchange(byte[] envelope) {
            SoapReply reply = delegate.exchange(envelope);
            exchanges.incrementAndGet();
            requestBytes.addAndGet(envelope.length);
            replyBytes.addAndGet(reply.envelope().length);
            return reply;
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
