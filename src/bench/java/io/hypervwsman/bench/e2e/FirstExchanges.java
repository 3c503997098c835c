package io.hypervwsman.bench.e2e;

import io.hypervwsman.sim.SimulatedHost;
import io.hypervwsman.wsman.SelectorSet;
import io.hypervwsman.wsman.WsManClient;
import io.hypervwsman.wsman.WsManNamespace;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;

/**
 * The JIT warm-up a short-lived process lives in: a fresh JVM connects (NTLM + encryption) to a simulated host
 * in the same process and makes Gets of one Msvm_ComputerSystem, one after another, for {@code seconds}; prints
 * the calling thread's CPU and the wall time of exchanges 1, 2, 3, 10, 100, the sums over the first 10 and 100,
 * and the median of the last second (steady state). Client CPU is the caller's thread CPU: HttpClient classic
 * does its I/O on the caller, the simulated host works on its own threads.
 *
 * <p>Run: {@code mvn -B -Pbench verify -DskipTests -Dbench.main=io.hypervwsman.bench.e2e.FirstExchanges
 * -Dbench.args=30}
 */
public final class FirstExchanges {
    private FirstExchanges() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (SimulatedHost sim = BenchHosts.start(BenchHosts.recoveredReplicas("HV01", "vm", 1, i -> "PT5S"),
                Clock.systemUTC())) {
            SelectorSet selectors = SelectorSet.of("CreationClassName", "Msvm_ComputerSystem", "Name",
                    sim.vmIds("vm-00").get(0));
            String uri = WsManNamespace.wmiClass("root/virtualization/v2", "Msvm_ComputerSystem");
            long[] cpu = new long[2_000_000];
            long[] wall = new long[cpu.length];
            int n = 0;
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            try (WsManClient client = WsManClient.connect(BenchHosts.ntlm(sim, 1))) {
                while (n < cpu.length && System.nanoTime() < end) {
                    long c0 = threads.getCurrentThreadCpuTime();
                    long w0 = System.nanoTime();
                    client.get(uri, selectors);
                    wall[n] = System.nanoTime() - w0;
                    cpu[n] = threads.getCurrentThreadCpuTime() - c0;
                    n++;
                }
            }
            System.out.printf(Locale.ROOT, "%d Gets in %d s (client created first, inside exchange 1)%n", n, seconds);
            System.out.println("| exchanges | client CPU µs | wall µs |");
            System.out.println("|---|---|---|");
            for (int i : new int[] {1, 2, 3, 10, 100}) {
                if (i <= n) {
                    row("#" + i, cpu[i - 1], wall[i - 1]);
                }
            }
            row("sum of 1-10", Arrays.stream(cpu, 0, Math.min(10, n)).sum(), Arrays.stream(wall, 0, Math.min(10, n)).sum());
            row("sum of 1-100", Arrays.stream(cpu, 0, Math.min(100, n)).sum(),
                    Arrays.stream(wall, 0, Math.min(100, n)).sum());
            int lastSecond = n;
            long tail = 0;
            while (lastSecond > 0 && tail < 1_000_000_000L) {
                tail += wall[--lastSecond];
            }
            row("median of the last second (" + (n - lastSecond) + " exchanges)", median(cpu, lastSecond, n),
                    median(wall, lastSecond, n));
        }
    }

    private static void row(String label, long cpuNanos, long wallNanos) {
        System.out.printf(Locale.ROOT, "| %s | %,.0f | %,.0f |%n", label, cpuNanos / 1e3, wallNanos / 1e3);
    }

    private static long median(long[] values, int from, int to) {
        long[] copy = Arrays.copyOfRange(values, from, to);
        Arrays.sort(copy);
        return copy[copy.length / 2];
    }
}
