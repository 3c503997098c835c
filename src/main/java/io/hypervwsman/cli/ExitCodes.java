package io.hypervwsman.cli;

import io.hypervwsman.AuthenticationException;
import io.hypervwsman.ConfigurationException;
import io.hypervwsman.HyperVWsManException;
import io.hypervwsman.TransportException;
import io.hypervwsman.hyperv.replica.Outcome;
import io.hypervwsman.transport.HttpForbiddenException;

/**
 * The CLI's exit codes (README, "Exit codes"): 0 succeeded; 1 the host or a pre-check refused; 2 usage or
 * configuration; 3 authentication or authorization; 4 connection, TLS or protocol; 5 timed out or unknown.
 * The library knows nothing of them; this is the one place that maps its types to numbers.
 */
public final class ExitCodes {
    public static final int SUCCEEDED = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int AUTHENTICATION = 3;
    public static final int CONNECTION = 4;
    public static final int UNDECIDED = 5;

    private ExitCodes() {
    }

    /** The exit code for an exception that stopped a command. */
    public static int of(Throwable e) {
        if (e instanceof InvokeOutcomeUnknownException) {
            return UNDECIDED;
        }
        if (e instanceof ConfigurationException) {
            return USAGE;
        }
        if (e instanceof AuthenticationException || e instanceof HttpForbiddenException) {
            return AUTHENTICATION;
        }
        if (e instanceof TransportException || !(e instanceof HyperVWsManException)) {
            return CONNECTION;
        }
        return FAILED;
    }

    /** The exit code for how an operation ended. */
    public static int of(Outcome outcome) {
        return switch (outcome) {
            case SUCCEEDED -> SUCCEEDED;
            case FAILED -> FAILED;
            case TIMED_OUT, UNKNOWN -> UNDECIDED;
        };
    }
}
