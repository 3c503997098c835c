package io.hypervwsman.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which start-up options src/dist/bin/hyperv-wsman gives the JVM (its startup_archive_options): the launcher runs
 * from a fake installation with a fake JAVA_HOME whose bin/java prints its arguments, one per line, and whose release
 * file says which JDK it is. The real JVM with the real archives: DistributionArchiveIT.
 */
class LauncherStartupOptionsTest {
    private static final List<String> LEAN = List.of("-XX:TieredStopAtLevel=1",
            "-XX:CompileThresholdScaling=5", "-XX:+UseSerialGC", "-XX:-UsePerfData");

    @TempDir
    Path dir;
    private Path lib;
    private Path launcher;
    /** JDK_JAVA_OPTIONS as the fake java saw it. */
    private String jdkJavaOptions;

    @BeforeEach
    void installation() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("install/bin"));
        lib = Files.createDirectories(dir.resolve("install/lib"));
        launcher = Files.copy(Path.of("src/dist/bin/hyperv-wsman"), bin.resolve("hyperv-wsman"));
        Files.writeString(lib.resolve("hyperv-wsman.jar"), "not a jar: the fake java never opens it");
    }

    @Test
    void jdk25UsesTheAotCacheMadeBySameJdk() throws Exception {
        Path jdk = jdk("25.0.3", "25.0.3+9-LTS");
        archive("hyperv-wsman.aot", "25.0.3+9-LTS");
        List<String> args = launch(jdk);
        // through -XX:SharedArchiveFile (AOT-linked classes, not the method profiles -XX:AOTCache adds)
        assertTrue(args.contains("-XX:SharedArchiveFile=" + lib.resolve("hyperv-wsman.aot")), args::toString);
        assertTrue(args.contains("-Xlog:aot=off"), args::toString);
        assertFalse(args.stream().anyMatch(a -> a.startsWith("-XX:AOTCache")), args::toString);
        assertFalse(args.stream().anyMatch(a -> a.startsWith("-XX:DumpLoadedClassList")), args::toString);
        assertTrue(args.containsAll(LEAN), args::toString);
        assertEquals(List.of("-jar", lib.resolve("hyperv-wsman.jar").toString(), "vms", "--simulate"),
                args.subList(args.size() - 4, args.size()));
    }

    @Test
    void jdk17MakesAStaticArchiveInTheUserCacheOnceThenUsesIt() throws Exception {
        Path jdk = jdk("17.0.15", "17.0.15+6");
        archive("hyperv-wsman.aot", "17.0.15+6"); // an AOT cache is for JDK 25+ only
        List<String> first = launch(jdk);
        String list = first.stream().filter(a -> a.startsWith("-XX:DumpLoadedClassList=")).findFirst()
                .orElseThrow(() -> new AssertionError(first));
        Path classList = Path.of(list.substring(list.indexOf('=') + 1));
        assertEquals(dir.resolve("cache/hyperv-wsman"), classList.getParent());
        assertTrue(first.containsAll(List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off")), first::toString);
        // JDK 17 knows no "aot" log tag: naming it would stop the JVM
        assertFalse(first.contains("-Xlog:aot=off"), first::toString);
        assertFalse(first.stream().anyMatch(a -> a.startsWith("-XX:AOTCache")), first::toString);
        assertFalse(first.stream().anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit")
                || a.equals("-XX:+AutoCreateSharedArchive")), "a dynamic archive skips picocli: " + first);
        assertTrue(first.containsAll(LEAN), first::toString);
        // after the command, the same JDK archived that run's classes (-Xshare:dump), into a temporary name
        List<String> dump = Files.readAllLines(jdk.resolve("dump-args.txt"));
        assertTrue(dump.contains("-XX:SharedClassListFile=" + classList), dump::toString);
        assertEquals(List.of("-cp", lib.resolve("hyperv-wsman.jar").toString()), dump.subList(dump.size() - 2,
                dump.size()));
        assertFalse(Files.exists(classList), "the class list is removed once archived");
        Path archive;
        try (var files = Files.list(classList.getParent())) {
            archive = files.filter(f -> f.getFileName().toString().matches("17\\.0\\.15\\+6-[0-9]+\\.jsa"))
                    .findFirst().orElseThrow(() -> new AssertionError("no archive next to " + classList));
        }
        assertEquals("archive", Files.readString(archive).strip(), "the file -Xshare:dump wrote, renamed");
        Files.delete(jdk.resolve("dump-args.txt"));

        List<String> second = launch(jdk);
        assertTrue(second.contains("-XX:SharedArchiveFile=" + archive), second::toString);
        assertFalse(second.stream().anyMatch(a -> a.startsWith("-XX:DumpLoadedClassList")), second::toString);
        assertFalse(Files.exists(jdk.resolve("dump-args.txt")), "no dump once the archive is there");

        // a newer jar (an upgrade in place) makes the archive stale: made again
        Files.setLastModifiedTime(lib.resolve("hyperv-wsman.jar"),
                FileTime.fromMillis(Files.getLastModifiedTime(archive).toMillis() + 60_000));
        List<String> third = launch(jdk);
        assertTrue(third.stream().anyMatch(a -> a.startsWith("-XX:DumpLoadedClassList=")), third::toString);
    }

    @Test
    void anotherJdk19OrNewerMakesTheSameStaticArchiveInTheUserCache() throws Exception {
        Path jdk = jdk("21.0.5", "21.0.5+11-LTS");
        List<String> args = launch(jdk);
        Path cache = dir.resolve("cache/hyperv-wsman");
        assertTrue(args.stream().anyMatch(a -> a.matches("-XX:DumpLoadedClassList=" + Pattern.quote(cache.toString())
                + "/21\\.0\\.5\\+11-LTS-[0-9]+\\.jsa\\.[0-9]+\\.classlist")), args::toString);
        assertTrue(args.containsAll(List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off")), args::toString);
        assertTrue(Files.isDirectory(cache), "the launcher makes " + cache);
        assertTrue(args.containsAll(LEAN), args::toString);
        List<String> second = launch(jdk);
        assertTrue(second.stream().anyMatch(a -> a.matches("-XX:SharedArchiveFile=" + Pattern.quote(cache.toString())
                + "/21\\.0\\.5\\+11-LTS-[0-9]+\\.jsa")), second::toString);
    }

    @Test
    void jdk25WithoutAMatchingAotCacheMakesItsOwnArchiveQuietly() throws Exception {
        Path jdk = jdk("25.0.3", "25.0.3+9-LTS");
        archive("hyperv-wsman.aot", "25.0.1+8-LTS");
        List<String> args = launch(jdk);
        assertFalse(args.stream().anyMatch(a -> a.startsWith("-XX:AOTCache")
                || a.equals("-XX:SharedArchiveFile=" + lib.resolve("hyperv-wsman.aot"))), args::toString);
        assertTrue(args.stream().anyMatch(a -> a.startsWith("-XX:DumpLoadedClassList=")), args::toString);
        assertTrue(args.contains("-Xlog:aot=off"), args::toString);
    }

    @Test
    void withoutAWritableCacheOnlyTheLeanFlags() throws Exception {
        Path jdk = jdk("17.0.9", "17.0.9+9");
        Files.writeString(dir.resolve("cache"), "a file where the cache directory would be");
        List<String> args = launch(jdk);
        assertEquals(LEAN, args.subList(0, LEAN.size()));
        assertEquals("-jar", args.get(LEAN.size()), args::toString);
    }

    @Test
    void jdkJavaOptionsReachTheJvmUntouched() throws Exception {
        Path jdk = jdk("17.0.15", "17.0.15+6");
        launch(jdk);
        assertEquals("JDK_JAVA_OPTIONS=-Dprobe=1 -Xshare:on", jdkJavaOptions);
    }

    /**
     * A JAVA_HOME whose bin/java prints JDK_JAVA_OPTIONS and its arguments (and writes the file an
     * -XX:DumpLoadedClassList names, as a JVM does); run with -Xshare:dump, it writes the -XX:SharedArchiveFile and
     * keeps its arguments in JAVA_HOME/dump-args.txt. Its release file names the JDK.
     */
    private Path jdk(String version, String runtimeVersion) throws IOException {
        Path home = Files.createDirectories(dir.resolve("jdk-" + runtimeVersion));
        Files.createDirectories(home.resolve("bin"));
        Path java = home.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\nif [ \"$1\" = -Xshare:dump ]; then\n"
                + "  printf '%s\\n' \"$@\" > \"$(dirname \"$0\")/../dump-args.txt\"\n"
                + "  for a in \"$@\"; do case $a in -XX:SharedArchiveFile=*) echo archive > \"${a#*=}\" ;; esac; done\n"
                + "  exit 0\nfi\nprintf 'JDK_JAVA_OPTIONS=%s\\n' \"$JDK_JAVA_OPTIONS\"\n"
                + "for a in \"$@\"; do printf '%s\\n' \"$a\"; case $a in -XX:DumpLoadedClassList=*)"
                + " echo classes > \"${a#*=}\" ;; esac; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_RUNTIME_VERSION=\"" + runtimeVersion
                + "\"\nJAVA_VERSION=\"" + version + "\"\nOS_NAME=\"Linux\"\n");
        return home;
    }

    /** An archive in lib/ and, next to it, the identity of the JDK that made it (as the build writes it). */
    private void archive(String name, String madeByRuntimeVersion) throws IOException {
        Files.writeString(lib.resolve(name), "archive");
        Files.writeString(lib.resolve(name + ".jvm"),
                "IMPLEMENTOR=\"Test\"\nJAVA_RUNTIME_VERSION=\"" + madeByRuntimeVersion + "\"\n");
    }

    private List<String> launch(Path javaHome) throws IOException, InterruptedException {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder b = new ProcessBuilder(launcher.toString(), "vms", "--simulate")
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        b.environment().clear();
        b.environment().putAll(Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", javaHome.toString(), "HOME",
                dir.resolve("home").toString(), "XDG_CACHE_HOME", dir.resolve("cache").toString(),
                "JDK_JAVA_OPTIONS", "-Dprobe=1 -Xshare:on"));
        Process p = b.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher finished");
        assertEquals(0, p.exitValue(), () -> read(err));
        assertEquals("", read(err), "nothing on stderr");
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        jdkJavaOptions = lines.get(0);
        return lines.subList(1, lines.size());
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
