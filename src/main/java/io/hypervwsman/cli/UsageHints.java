package io.hypervwsman.cli;

import java.util.List;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** The "hint:" under a command line picocli could not parse: a suggestion for a typo, else the command's help. */
final class UsageHints {
    static final String PASSWORD = "the password is never a command-line argument (process lists, shell history):"
            + " set " + PasswordSource.ENV + ", use --password-file FILE, or type it at the prompt";

    private UsageHints() {
    }

    /** picocli's message, except after --password, whose value (a secret) picocli would repeat. */
    static String message(ParameterException ex) {
        if (passwordGiven(ex)) {
            return "there is no --password option";
        }
        if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()
                && !ex.getCommandLine().getSubcommands().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            return "unknown command '" + u.getUnmatched().get(0) + "'";
        }
        return ex.getMessage();
    }

    private static boolean passwordGiven(ParameterException ex) {
        if (ex instanceof UnmatchedArgumentException u) {
            for (String arg : u.getUnmatched()) {
                if (arg.equals("--password") || arg.startsWith("--password=") || arg.equals("-p")) {
                    return true;
                }
            }
        }
        return false;
    }

    static String forParameter(ParameterException ex) {
        String help = Main.commandPath(ex.getCommandLine()) + " --help";
        if (passwordGiven(ex)) {
            return PASSWORD;
        }
        if (ex instanceof UnmatchedArgumentException u) {
            List<String> suggestions = u.getSuggestions();
            if (!suggestions.isEmpty()) {
                // picocli lists the closest first
                return "did you mean " + suggestions.get(0) + "? (" + help + ")";
            }
        }
        return help;
    }
}
