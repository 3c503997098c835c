package io.hypervwsman.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** picocli's Java 5 class files, rewritten for the start-up archive, still verify and still parse a command line. */
class ClassFileUpgradeTest {
    @TempDir
    Path dir;

    @Test
    void everyOldPicocliClassBecomesAJava8ClassFileAndNothingElseChanges() throws Exception {
        Path original = picocliJar();
        Path upgraded = dir.resolve("picocli.jar");
        int count = ClassFileUpgrade.upgrade(original, upgraded, List.of("picocli/"));

        Map<String, byte[]> before = entries(original);
        Map<String, byte[]> after = entries(upgraded);
        // One entry more: the notice that the licence asks changed files to carry.
        byte[] notice = after.remove(ClassFileUpgrade.NOTICE);
        assertEquals(before.keySet(), after.keySet());
        List<String> rewritten = new ArrayList<>();
        before.forEach((name, bytes) -> {
            if (name.startsWith("picocli/") && name.endsWith(".class")
                    && ClassFileUpgrade.majorVersion(bytes) < ClassFileUpgrade.JAVA_6) {
                assertEquals(52, ClassFileUpgrade.majorVersion(after.get(name)), name);
                rewritten.add(name);
            } else {
                assertArrayEquals(bytes, after.get(name), name);
            }
        });
        assertEquals(rewritten.size(), count);
        assertEquals(ClassFileUpgrade.notice(rewritten.size(), List.of("picocli/")),
                new String(notice, java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(count > 100, "picocli's classes are Java 5 class files: " + count);
    }

    @Test
    void theRewrittenClassesPassTheVerifierAndParse() throws Exception {
        Path upgraded = dir.resolve("picocli.jar");
        ClassFileUpgrade.upgrade(picocliJar(), upgraded, List.of("picocli/"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {upgraded.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            // Java 8 class files are verified with their frames only (no fall-back): a wrong frame is a VerifyError.
            for (String name : entries(upgraded).keySet()) {
                if (name.startsWith("picocli/") && name.endsWith(".class")) {
                    Class.forName(name.replace('/', '.').substring(0, name.length() - 6), true, loader);
                }
            }
            Class<?> spec = loader.loadClass("picocli.CommandLine$Model$CommandSpec");
            Class<?> optionSpec = loader.loadClass("picocli.CommandLine$Model$OptionSpec");
            Object command = spec.getMethod("create").invoke(null);
            Object option = optionSpec.getMethod("builder", String[].class).invoke(null, (Object) new String[] {"--dry-run"});
            option = option.getClass().getMethod("build").invoke(option);
            spec.getMethod("addOption", optionSpec).invoke(command, option);
            Class<?> commandLine = loader.loadClass("picocli.CommandLine");
            Object cli = commandLine.getConstructor(Object.class).newInstance(command);
            Object parsed = commandLine.getMethod("parseArgs", String[].class)
                    .invoke(cli, (Object) new String[] {"--dry-run"});
            assertEquals(Boolean.TRUE, parsed.getClass().getMethod("matchedOptionValue", String.class,
                    Object.class).invoke(parsed, "--dry-run", Boolean.FALSE));
        }
    }

    private static Path picocliJar() throws Exception {
        return Path.of(CommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static Map<String, byte[]> entries(Path jar) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            var all = zip.entries();
            while (all.hasMoreElements()) {
                var e = all.nextElement();
                entries.put(e.getName(), zip.getInputStream(e).readAllBytes());
            }
        }
        return entries;
    }
}
