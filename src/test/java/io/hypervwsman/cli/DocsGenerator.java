package io.hypervwsman.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes the distribution's man pages (AsciiDoc) or completion script at package time, from the whole command tree.
 * Main registers its commands programmatically (one-shot runs register only the one they run), so picocli's own
 * generators, given the {@code Main} class, would see no subcommands.
 */
public final class DocsGenerator {
    private DocsGenerator() {
    }

    /** {@code man OUTDIR} or {@code completion FILE}. */
    public static void main(String[] args) throws IOException {
        CommandLine all = Main.withAllCommands(Terminal.system());
        switch (args[0]) {
            case "man" -> {
                int rc = ManPageGenerator.generateManPage(new File(args[1]), null, new boolean[0], true,
                        all.getCommandSpec());
                if (rc != 0) {
                    throw new IOException("ManPageGenerator exited " + rc);
                }
            }
            case "completion" -> Files.writeString(Path.of(args[1]), AutoComplete.bash("hyperv-wsman", all),
                    StandardCharsets.UTF_8);
            default -> throw new IllegalArgumentException("man OUTDIR | completion FILE, not " + args[0]);
        }
    }
}
