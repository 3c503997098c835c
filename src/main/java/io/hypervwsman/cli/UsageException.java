package io.hypervwsman.cli;

import io.hypervwsman.ConfigurationException;

/** The command line cannot work as given (exit code 2), with what to do instead when the CLI knows it. */
final class UsageException extends ConfigurationException {
    private static final long serialVersionUID = 1L;
    private final String hint;

    UsageException(String message) {
        this(message, null);
    }

    UsageException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    /** What to type instead, or null. */
    String usageHint() {
        return hint;
    }
}
