package io.hypervwsman.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution as a user installs it (runs after {@code mvn package}, in the integration-test phase): unpack
 * target/hyperv-wsman-VERSION.tar.gz, run bin/hyperv-wsman with Java found on PATH, JDK_JAVA_OPTIONS passed through, a
 * start-up archive made in the user's cache and used, nothing on stderr. Which options it picks: LauncherStartupOptionsTest.
 */
class DistributionArchiveIT {
    @TempDir
    Path dir;

    @Test
    void theUnpackedLauncherRunsTheCliWithJavaFromPath() throws Exception {
        Path archive;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            archive = files.filter(f -> f.getFileName().toString().matches("hyperv-wsman-.*\\.tar\\.gz")).findFirst()
                    .orElseThrow(() -> new AssertionError("mvn package made no target/hyperv-wsman-VERSION.tar.gz"));
        }
        Result untar = run(List.of("tar", "xzf", archive.toAbsolutePath().toString(), "-C", dir.toString()), Map.of());
        assertEquals(0, untar.code(), untar.err());
        Path home;
        try (Stream<Path> files = Files.list(dir)) {
            home = files.findFirst().orElseThrow();
        }
        for (String part : List.of("bin/hyperv-wsman", "lib/hyperv-wsman.jar", "completion/hyperv-wsman_completion",
                "man/hyperv-wsman.1", "man/hyperv-wsman-revert-failover.1")) {
            assertTrue(Files.exists(home.resolve(part)), part + " in " + archive);
        }
        assertTrue(Files.isExecutable(home.resolve("bin/hyperv-wsman")));

        String launcher = home.resolve("bin/hyperv-wsman").toString();
        Map<String, String> env = Map.of("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin",
                "JDK_JAVA_OPTIONS", "-Dhyperv.dist.probe=1");
        Result version = run(List.of(launcher, "--version"), env);
        assertEquals(0, version.code(), version.err());
        assertTrue(version.out().startsWith("hyperv-wsman "), version.out());
        // the java launcher names the options it picked up: they reached it
        assertTrue(version.err().contains("Picked up JDK_JAVA_OPTIONS: -Dhyperv.dist.probe=1"), version.err());

        Result revert = run(List.of(launcher, "revert-failover", "--simulate", "--vm", "web-frontend-01", "--output",
                "json"), env);
        assertEquals(0, revert.code(), revert.err());
        JsonNode j = new ObjectMapper().readTree(revert.out());
        assertEquals("succeeded", j.get("outcome").asText());
        assertTrue(j.get("simulated").asBoolean());

        // as an operator runs it: nothing on stderr but the job's progress, the first run (which makes the start-up archive in the user's
        // cache) and the next (which uses it); then -Xshare:on, which makes an unusable archive an error
        Path cache = dir.resolve("cache");
        Map<String, String> plain = Map.of("PATH", env.get("PATH"), "HOME", dir.toString(), "XDG_CACHE_HOME",
                cache.toString());
        List<String> revertArgs = List.of(launcher, "revert-failover", "--simulate", "--vm", "web-frontend-01");
        for (int i = 0; i < 2; i++) {
            Result quiet = run(revertArgs, plain);
            assertEquals(0, quiet.code(), quiet.err());
            assertTrue(quiet.out().contains("revert-failover completed for web-frontend-01"), quiet.out());
            // stderr holds the job's progress lines (the CLI's design) and nothing else: no JVM or archive warning
            List<String> noise = quiet.err().lines().filter(l -> !l.matches("job \\S+: \\w+ \\d+%")).toList();
            assertEquals(List.of(), noise, "stderr of run " + (i + 1));
        }
        // Maven on JDK 25+ (this test's JVM) ships that JDK's AOT cache (pom.xml, aot-cache-of-this-jdk): the launcher
        // maps it and makes no archive of its own; on JDK 17-24 it makes one
        boolean aotCache = Runtime.version().feature() >= 25 && Files.exists(home.resolve("lib/hyperv-wsman.aot"));
        Path archives = cache.resolve("hyperv-wsman");
        try (Stream<Path> files = Files.isDirectory(archives) ? Files.list(archives) : Stream.empty()) {
            assertEquals(aotCache ? 0 : 1, files.filter(f -> f.toString().endsWith(".jsa")).count(),
                    "archives in " + cache + (aotCache ? " (the AOT cache in lib/ is used)" : ""));
        }
        Map<String, String> strict = new java.util.HashMap<>(plain);
        strict.put("JDK_JAVA_OPTIONS", "-Xshare:on");
        Result shared = run(revertArgs, strict);
        assertEquals(0, shared.code(), shared.err());

        // a PATH with the shell tools the launcher uses but no java, and no JAVA_HOME
        Path tools = Files.createDirectories(dir.resolve("tools"));
        for (String tool : List.of("ls", "sed", "dirname", "grep", "sort")) {
            Path real = Stream.of("/usr/bin", "/bin").map(d -> Path.of(d, tool)).filter(Files::isExecutable)
                    .findFirst().orElseThrow();
            Files.createSymbolicLink(tools.resolve(tool), real);
        }
        Result noJava = run(List.of("/bin/sh", launcher, "--version"), Map.of("PATH", tools.toString()));
        assertEquals(2, noJava.code());
        assertTrue(noJava.err().contains("no Java found: set JAVA_HOME"), noJava.err());
    }

    private record Result(int code, String out, String err) {
    }

    private Result run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder b = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        b.environment().clear();
        b.environment().putAll(env);
        Process p = b.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished: " + command);
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
