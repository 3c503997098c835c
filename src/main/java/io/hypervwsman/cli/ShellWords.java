package io.hypervwsman.cli;

import java.util.regex.Pattern;

/** Quotes a value for a POSIX shell, so that a command the CLI prints can be pasted as it is. */
final class ShellWords {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ShellWords() {
    }

    static String quote(String word) {
        if (SAFE.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
