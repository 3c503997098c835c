package io.hypervwsman.bench.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@link FleetMain} in a child JVM with -Xmx256m and reports what it printed. */
final class Fleet {
    private final Report report;

    Fleet(Report report) {
        this.report = report;
    }

    void run() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), FleetMain.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            report.line("The fleet run failed (exit %s):", p.isAlive() ? "none" : p.exitValue());
            report.line("```\n%s\n```", out.length() > 4000 ? out.substring(out.length() - 4000) : out);
            return;
        }
        Map<String, String> r = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("fleet ")) {
                String[] kv = line.substring(6).split("=", 2);
                r.put(kv[0], kv[1]);
            }
        }
        report.line("Child JVM `java -Xmx256m` (default G1); the 20 simulated hosts run in the same JVM, so the heap and"
                + " thread figures include the server side. Every host has 10 replicas in Recovered whose"
                + " RevertFailover job takes %s; one HyperVHost per host (up to 10 connections), 200 threads"
                + " started together, each reverting one VM by name.", r.get("job"));
        report.line("");
        report.table("figure", "value");
        r.forEach((k, v) -> {
            if (!k.equals("job")) {
                report.row(k, v);
            }
        });
    }
}
