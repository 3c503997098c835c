package io.hypervwsman.dist;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites the shaded jar's pre-Java-6 class files under given package prefixes (picocli's, built for Java 5) as Java 8
 * class files with stack map frames, at package time before the start-up archive is trained and dumped. JDK 17's
 * static archive holds old class files but cannot verify them when it is dumped, so every run verified picocli's ~130
 * classes again with the old type-inferencing verifier: ~14 ms of a one-shot command's CPU (BENCHMARKS.md, "picocli's
 * share of a one-shot command"). Rewritten, {@code -Xshare:dump} verifies them once. Only the version number and the
 * frames change; ASM computes the frames from the unchanged instructions.
 */
public final class ClassFileUpgrade {
    /**
     * Written into the jar when anything was rewritten: the Apache License 2.0 (section 4(b)) asks that changed files
     * say they were changed.
     */
    static final String NOTICE = "META-INF/hyperv-wsman/CHANGED-CLASS-FILES.txt";

    /** Class files from Java 6 on (major version 50) carry stack map frames; older ones are verified by inference. */
    static final int JAVA_6 = 50;

    private ClassFileUpgrade() {
    }

    /** {@code JAR PREFIX...}: rewrites JAR in place, e.g. {@code target/hyperv-wsman.jar picocli/}. */
    public static void main(String[] args) throws IOException {
        Path jar = Path.of(args[0]);
        Path upgraded = jar.resolveSibling(jar.getFileName() + ".upgraded");
        int count = upgrade(jar, upgraded, List.of(args).subList(1, args.length));
        Files.move(upgraded, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.println(jar + ": " + count + " class files rewritten for Java 8 (stack map frames)");
    }

    /** Copies {@code in} to {@code out}, each old class file under one of {@code prefixes} upgraded; returns how many. */
    static int upgrade(Path in, Path out, List<String> prefixes) throws IOException {
        int count = 0;
        // The frames name the common super class of two types: looked up among the jar's own classes and the JDK's.
        try (URLClassLoader hierarchy = new URLClassLoader(new URL[] {in.toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
             InputStream fileIn = Files.newInputStream(in);
             ZipInputStream zipIn = new ZipInputStream(fileIn);
             OutputStream fileOut = Files.newOutputStream(out);
             ZipOutputStream zipOut = new ZipOutputStream(fileOut)) {
            for (ZipEntry entry = zipIn.getNextEntry(); entry != null; entry = zipIn.getNextEntry()) {
                byte[] bytes = zipIn.readAllBytes();
                if (isOldClassFile(entry.getName(), bytes, prefixes)) {
                    bytes = upgrade(bytes, hierarchy);
                    count++;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                zipOut.putNextEntry(copy);
                zipOut.write(bytes);
                zipOut.closeEntry();
            }
            if (count > 0) {
                zipOut.putNextEntry(new ZipEntry(NOTICE));
                zipOut.write(notice(count, prefixes).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zipOut.closeEntry();
            }
        }
        return count;
    }

    static String notice(int count, List<String> prefixes) {
        return count + " class files under " + String.join(", ", prefixes) + " were changed by hyperv-wsman's build"
                + " (io.hypervwsman.dist.ClassFileUpgrade): rewritten from a pre-Java-6 class-file version to Java 8's,"
                + " with stack map frames computed by ASM; their instructions are unchanged. They come from picocli"
                + " (https://picocli.info), licensed under the Apache License 2.0.\n";
    }

    private static boolean isOldClassFile(String name, byte[] bytes, List<String> prefixes) {
        return name.endsWith(".class") && prefixes.stream().anyMatch(name::startsWith) && majorVersion(bytes) < JAVA_6;
    }

    /** The class file format's major version (JVMS 4.1: after the magic number and the minor version). */
    static int majorVersion(byte[] classFile) {
        return ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
    }

    /** The same class as a Java 8 class file, its frames computed by ASM. */
    static byte[] upgrade(byte[] classFile, ClassLoader hierarchy) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected ClassLoader getClassLoader() {
                return hierarchy;
            }
        };
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                              String[] interfaces) {
                super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
            }
        }, 0);
        return writer.toByteArray();
    }
}
