package io.hypervwsman.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** The "hint:" under a command line picocli could not parse: a suggestion for a typo, else the command's help. */
final class UsageHints {
    static final String PASSWORD = "the password is never a command-line argument (process lists, shell history):"
            + " set " + PasswordSource.ENV + ", use --password-file FILE, or type it at the prompt";

    private UsageHints() {
    }

    static String forParameter(ParameterException ex) {
        String help = Main.commandPath(ex.getCommandLine()) + " --help";
        if (ex instanceof UnmatchedArgumentException u) {
            for (String arg : u.getUnmatched()) {
                if (arg.equals("--password") || arg.startsWith("--password=") || arg.equals("-p")) {
                    return PASSWORD;
                }
            }
            List<String> suggestions = u.getSuggestions();
            if (!suggestions.isEmpty()) {
                return "did you mean " + String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size())))
                        + "? (" + help + ")";
            }
        }
        return help;
    }
}
