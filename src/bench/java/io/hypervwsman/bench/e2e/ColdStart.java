package io.hypervwsman.bench.e2e;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The CLI's cold start: from starting {@code java -jar target/hyperv-wsman.jar vms ...} to the first byte of
 * its first HTTP request reaching a loopback socket that only timestamps it (JVM start, picocli, CXF set-up,
 * writing the first envelope). Variants with the AppCDS archive built at package time, run interleaved.
 */
final class ColdStart {
    static final Path JAR = Path.of("target", "hyperv-wsman.jar");
    static final Path ARCHIVE = Path.of("target", "hyperv-wsman.jsa");
    private final Report report;
    private final int runs;

    ColdStart(Report report, int runs) {
        this.report = report;
        this.runs = runs;
    }

    void run(Path work) throws Exception {
        if (!Files.exists(JAR)) {
            report.line("skipped: %s is missing (run the package phase)", JAR);
            return;
        }
        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put("`java -jar`", List.of());
        variants.put("`java -XX:TieredStopAtLevel=1 -jar`", List.of("-XX:TieredStopAtLevel=1"));
        if (Files.exists(ARCHIVE)) {
            variants.put("`java -XX:SharedArchiveFile=target/hyperv-wsman.jsa -jar` (AppCDS)",
                    List.of("-XX:SharedArchiveFile=" + ARCHIVE));
            variants.put("AppCDS + `-XX:TieredStopAtLevel=1`",
                    List.of("-XX:SharedArchiveFile=" + ARCHIVE, "-XX:TieredStopAtLevel=1"));
        } else {
            report.line("No AppCDS archive at %s: only the plain start is measured.", ARCHIVE);
        }
        Map<String, long[]> results = new LinkedHashMap<>();
        variants.keySet().forEach(k -> results.put(k, new long[runs]));
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(60_000);
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/wsman";
            for (int i = 0; i < runs; i++) {
                for (Map.Entry<String, List<String>> v : variants.entrySet()) {
                    results.get(v.getKey())[i] = once(server, url, v.getValue(), work);
                }
            }
        }
        report.line("Runs interleaved, %d of each; ms from process start to the first request byte on the socket.", runs);
        report.line("");
        report.table("variant", "median ms", "min ms", "all runs (ms)");
        results.forEach((k, ms) -> {
            long[] sorted = ms.clone();
            Arrays.sort(sorted);
            report.row(k, sorted[sorted.length / 2], sorted[0], Arrays.toString(ms));
        });
    }

    private static long once(ServerSocket server, String url, List<String> jvmFlags, Path work) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmFlags);
        cmd.addAll(List.of("-jar", JAR.toString(), "vms", "--host", url, "--auth", "ntlm", "--user", "LAB\\operator"));
        ProcessBuilder b = new ProcessBuilder(cmd).redirectOutput(work.resolve("coldstart.out").toFile())
                .redirectError(work.resolve("coldstart.err").toFile());
        b.environment().put("HYPERV_WSMAN_PASSWORD", "irrelevant");
        long start = System.nanoTime();
        Process p = b.start();
        long firstByte;
        try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
            if (in.read() < 0) {
                throw new IllegalStateException("the CLI connected but sent nothing");
            }
            firstByte = System.nanoTime();
        } finally {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        return TimeUnit.NANOSECONDS.toMillis(firstByte - start);
    }

    static String ms(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
