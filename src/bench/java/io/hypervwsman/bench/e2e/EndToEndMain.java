package io.hypervwsman.bench.e2e;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The end-to-end runner ({@code mvn -B -Pbench verify -DskipTests -Dbench.main=io.hypervwsman.bench.e2e.EndToEndMain}):
 * exchange throughput against pywinrm and the bare-HTTP floor, the revert-failover round trips, CLI cold
 * start, job-finish detection and the fleet run, all in one run; refreshes BENCHMARKS.md.
 * Only a full run (all sections, not --quick) rewrites BENCHMARKS.md; others write target/e2e-result.md.
 * Arguments name the sections to run (throughput, revert, coldstart, polling, fleet; default all) and
 * {@code --quick} shortens every window (for trying the runner, not for figures).
 */
public final class EndToEndMain {
    private EndToEndMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        Set<String> sections = Set.copyOf(List.of(args).stream().filter(a -> !a.startsWith("--")).toList());
        boolean all = sections.isEmpty();
        Path work = Files.createDirectories(Path.of("target", "e2e"));
        Report report = new Report();
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        report.line("**One run**, started %s, `mvn -B -Pbench verify -DskipTests -Dbench.main=io.hypervwsman.bench.e2e.EndToEndMain`%s.",
                start, quick ? " **--quick (shortened windows: not figures to quote)**" : "");
        report.line("");
        machine(report);
        if (all || sections.contains("throughput")) {
            report.heading("Encrypted exchanges over loopback: hyperv-wsman, pywinrm and the floor");
            new ExchangeThroughput(quick
                    ? new ExchangeThroughput.Settings(Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofSeconds(2), 200_000, 1)
                    : new ExchangeThroughput.Settings(Duration.ofSeconds(20), Duration.ofSeconds(3), Duration.ofSeconds(5), 500_000, 2),
                    report).run(work);
        }
        if (all || sections.contains("revert")) {
            report.heading("revert-failover --vm NAME on a fresh connection");
            new RevertFlowTrace(report).run();
        }
        if (all || sections.contains("coldstart")) {
            report.heading("CLI cold start to the first request on the wire");
            new ColdStart(report, quick ? 2 : 5).run(work);
        }
        if (all || sections.contains("polling")) {
            report.heading("Job-finish detection latency vs. poll rate (simulated time)");
            new PollLatency(report, quick ? 5 : 21).run();
        }
        if (all || sections.contains("fleet")) {
            report.heading("Fleet: 200 concurrent revert-failover operations over 20 simulated hosts");
            new Fleet(report).run();
        }
        report.line("");
        report.line("Load average at the end: %s.", loadAverage());
        if (all && !quick) {
            report.write(Path.of("target", "e2e-result.md"), Path.of("BENCHMARKS.md"));
        } else {
            // A subset or a --quick run is not the whole picture: it must not replace the recorded run.
            report.write(Path.of("target", "e2e-result.md"), null);
            System.out.println("wrote target/e2e-result.md only (BENCHMARKS.md keeps the full run)");
        }
    }

    private static void machine(Report report) throws IOException {
        String model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        String mhz = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("cpu MHz"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        long memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .findFirst().map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElse(0L);
        report.line("Machine: %d vCPUs, `%s` at %s MHz, %.0f GiB RAM, %s %s; %s %s (%s), JVM flags of the runner: %s;"
                        + " load average at the start: %s.",
                Runtime.getRuntime().availableProcessors(), model, mhz, memKb / 1048576.0,
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), System.getProperty("java.vm.vendor"),
                ManagementFactory.getRuntimeMXBean().getInputArguments().isEmpty() ? "none"
                        : String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()), loadAverage());
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return String.format(Locale.ROOT, "%s, %s, %s (1, 5, 15 min)", f[0], f[1], f[2]);
        } catch (IOException e) {
            return "unknown";
        }
    }
}
