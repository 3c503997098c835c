package io.hypervwsman.cli;

import io.hypervwsman.ConfigurationException;

/** The command line cannot work as given (exit code 2). */
final class UsageException extends ConfigurationException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
