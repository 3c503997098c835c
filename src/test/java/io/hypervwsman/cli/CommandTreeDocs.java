package io.hypervwsman.cli;

import java.io.File;
import java.io.IOException;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * The distribution's bash/zsh completion script and AsciiDoc man pages (pom.xml, package phase), from the whole
 * command tree: Main registers its commands programmatically (only the named one on a run), so picocli's own
 * AutoComplete and ManPageGenerator mains, which build {@code new CommandLine(Main.class)}, would see none of them.
 * Usage: CommandTreeDocs COMPLETION_FILE MAN_ADOC_DIR
 */
final class CommandTreeDocs {
    private CommandTreeDocs() {
    }

    public static void main(String[] args) throws IOException {
        CommandLine cli = new CommandLine(new Main());
        Main.commandClasses().forEach(c -> cli.addSubcommand(new CommandLine(c)));
        AutoComplete.bash("hyperv-wsman", new File(args[0]), null, cli);
        int code = ManPageGenerator.generateManPage(new File(args[1]), null, new boolean[0], true,
                cli.getCommandSpec());
        if (code != 0) {
            throw new IOException("ManPageGenerator exited " + code);
        }
    }
}
