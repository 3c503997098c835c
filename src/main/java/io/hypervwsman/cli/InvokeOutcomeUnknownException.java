package io.hypervwsman.cli;

import io.hypervwsman.HyperVWsManException;

/** A generic {@code wsman invoke} whose reply was lost after it was sent: the host may have run it (exit 5). */
final class InvokeOutcomeUnknownException extends HyperVWsManException {
    private static final long serialVersionUID = 1L;

    InvokeOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
