package io.hypervwsman.bench.e2e;

import io.hypervwsman.sim.SimulatedHost;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Client CPU per exchange of two builds of the library in one JVM, for a before/after comparison on a shared machine:
 * each build's classes (with the same dependencies) get a class loader of their own, both clients talk to one
 * simulated host (NTLM + message encryption, loopback HTTP), and the runner alternates one-second slices of the same
 * operation between them, so load from other processes falls on both alike. Client CPU is the calling thread's.
 *
 * <p>Run (from the project directory, with {@code target/classes} of each build copied somewhere):
 * {@code java -cp <this build's test classpath> io.hypervwsman.bench.e2e.ExchangeCpuAb BEFORE_CLASSES AFTER_CLASSES
 * WARM_UP_SECONDS SLICES}; the dependency jars are this JVM's, the bench classes this class's.
 */
public final class ExchangeCpuAb {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final List<String> OPERATIONS = List.of("get", "enumerate", "invoke");

    private ExchangeCpuAb() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        String[] builds = {args[0], args[1]};
        int warmUpSeconds = Integer.parseInt(args[2]);
        int slices = Integer.parseInt(args[3]);
        System.out.printf(Locale.ROOT, "load average at the start: %s%n", EndToEndMain.loadAverage());
        try (SimulatedHost sim = BenchHosts.start(BenchHosts.recoveredReplicas("HV01", "vm", 2, i -> "PT5S"),
                Clock.systemUTC())) {
            List<Function<String, Runnable>> clients = new ArrayList<>();
            List<ClassLoader> loaders = new ArrayList<>();
            for (String build : builds) {
                ClassLoader loader = loader(build);
                loaders.add(loader);
                clients.add(inLoader(loader, () -> clientOps(loader, sim)));
            }
            long warmEnd = System.nanoTime() + warmUpSeconds * 1_000_000_000L;
            while (System.nanoTime() < warmEnd) {
                for (int b = 0; b < 2; b++) {
                    for (String op : OPERATIONS) {
                        runIn(loaders.get(b), clients.get(b).apply(op));
                    }
                }
            }
            System.out.println("| operation | build | slices | exchanges | client CPU µs per exchange: mean | median of"
                    + " slice means | lowest slice mean |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (String op : OPERATIONS) {
                double[][] sliceMeans = new double[2][slices];
                long[] cpu = new long[2];
                long[] exchanges = new long[2];
                for (int s = 0; s < slices; s++) {
                    for (int b = 0; b < 2; b++) {
                        int build = s % 2 == 0 ? b : 1 - b;
                        Runnable r = clients.get(build).apply(op);
                        long n = 0;
                        long c0 = THREADS.getCurrentThreadCpuTime();
                        long end = System.nanoTime() + 1_000_000_000L;
                        while (System.nanoTime() < end) {
                            runIn(loaders.get(build), r);
                            n++;
                        }
                        long c = THREADS.getCurrentThreadCpuTime() - c0;
                        int perOp = op.equals("enumerate") ? 2 : 1;
                        cpu[build] += c;
                        exchanges[build] += n * perOp;
                        sliceMeans[build][s] = c / 1e3 / (n * perOp);
                    }
                }
                for (int b = 0; b < 2; b++) {
                    double[] sorted = sliceMeans[b].clone();
                    Arrays.sort(sorted);
                    System.out.printf(Locale.ROOT, "| %s | %s | %d | %,d | %.1f | %.1f | %.1f |%n", op,
                            b == 0 ? "before" : "after", slices, exchanges[b], cpu[b] / 1e3 / exchanges[b],
                            sorted[slices / 2], sorted[0]);
                }
            }
        }
        System.out.printf(Locale.ROOT, "load average at the end: %s%n", EndToEndMain.loadAverage());
    }

    /** The build's classes first, then this JVM's dependency jars and its bench classes (ours come from the build). */
    private static ClassLoader loader(String buildClasses) throws Exception {
        List<URL> urls = new ArrayList<>();
        urls.add(new File(buildClasses).toURI().toURL());
        urls.add(ExchangeCpuAb.class.getProtectionDomain().getCodeSource().getLocation());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    @SuppressWarnings("unchecked")
    private static Function<String, Runnable> clientOps(ClassLoader loader, SimulatedHost sim) {
        try {
            Class<?> c = Class.forName(MeasuredOperations.class.getName(), true, loader);
            return (Function<String, Runnable>) c.getMethod("open", URI.class, String.class, String.class,
                    String.class).invoke(null, sim.endpoint(), BenchHosts.USER, BenchHosts.PASSWORD,
                    sim.vmIds("vm-00").get(0));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T inLoader(ClassLoader loader, java.util.function.Supplier<T> action) {
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            return action.get();
        } finally {
            t.setContextClassLoader(before);
        }
    }

    private static void runIn(ClassLoader loader, Runnable r) {
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            r.run();
        } finally {
            t.setContextClassLoader(before);
        }
    }
}
