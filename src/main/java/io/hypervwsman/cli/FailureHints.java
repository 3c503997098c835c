package io.hypervwsman.cli;

import io.hypervwsman.HyperVWsManException;
import io.hypervwsman.OperationFailedException;
import io.hypervwsman.transport.ConnectionOptions;
import io.hypervwsman.transport.EndpointNotFoundException;
import io.hypervwsman.transport.ExchangeTimeoutException;
import io.hypervwsman.transport.HttpStatusException;
import io.hypervwsman.transport.auth.kerberos.KdcUnreachableException;

/** The one "hint:" line the CLI prints under an error: what the operator can check or type next. */
final class FailureHints {
    static final String NOT_WINRM = "this URL does not answer like a WinRM endpoint: check the path (/wsman) and the"
            + " port (5985 for HTTP, 5986 for HTTPS), e.g. --host http://HOST:5985/wsman";

    static final String KDC = "no KDC answered: give the realm and its KDC with --realm REALM --kdc HOST[:PORT]"
            + " (or in the host's profile), or configure them in krb5.conf (KRB5_CONFIG)";

    private FailureHints() {
    }

    static String hintFor(HyperVWsManException e, int exitCode) {
        return hintFor(e, exitCode, null);
    }

    /** As {@link #hintFor(HyperVWsManException, int)}; a suggested command carries {@code connectionArguments}. */
    static String hintFor(HyperVWsManException e, int exitCode, String connectionArguments) {
        if (e.hint() != null || e instanceof OperationFailedException) {
            return HintText.of(e.hint(), connectionArguments);
        }
        if (e instanceof UsageException u) {
            return u.usageHint();
        }
        if (e instanceof ExchangeTimeoutException t) {
            return timeoutHint(t.limit());
        }
        if (e instanceof KdcUnreachableException) {
            return KDC;
        }
        if (e instanceof EndpointNotFoundException || (e instanceof HttpStatusException s && isNotWinRm(s.status()))) {
            return NOT_WINRM;
        }
        switch (exitCode) {
            case 3: return "check the user (DOMAIN\\user or user@REALM), the password, and --auth";
            case 4: return "check --host, the port (5985 HTTP, 5986 HTTPS), the firewall, and --ca-file for HTTPS";
            case 5: return "check the VM on the host before doing anything else";
            default: return null;
        }
    }

    /** Which option sets the limit that ran out, and what else to check. */
    static String timeoutHint(ExchangeTimeoutException.Limit limit) {
        switch (limit) {
            case CONNECT_TIMEOUT:
                return "check --host, the port (5985 HTTP, 5986 HTTPS) and --https; a slow network needs a longer"
                        + " --connect-timeout (default " + ConnectionOptions.DEFAULT_CONNECT_TIMEOUT.toSeconds() + "s)";
            case READ_TIMEOUT:
                return "the host accepted the request but did not answer; raise --read-timeout (default"
                        + " --operation-timeout + " + ConnectionOptions.RESPONSE_MARGIN.toSeconds() + "s) if it is"
                        + " only slow";
            default:
                return "the host answered too slowly; raise --exchange-timeout (default --read-timeout + "
                        + ConnectionOptions.EXCHANGE_MARGIN.toSeconds() + "s) if the network is only slow";
        }
    }

    /** Statuses a WinRM listener never gives for a POST to its path: a web server or proxy answered instead. */
    private static boolean isNotWinRm(int status) {
        return status == 200 || status == 301 || status == 302 || status == 307 || status == 308 || status == 404
                || status == 405 || status == 501;
    }
}
