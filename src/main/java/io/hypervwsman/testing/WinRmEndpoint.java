package io.hypervwsman.testing;

import io.hypervwsman.transport.AuthMode;
import io.hypervwsman.transport.ConnectionOptions;
import io.hypervwsman.transport.Credentials;
import java.net.URI;
import java.util.Objects;

/**
 * Where a test's WinRM host listens and the account it accepts (NTLM with message encryption required), as injected
 * by {@link WinRmReplay} and {@link SimulatedHyperVHost}. The password is random per run; it is never in
 * {@link #toString()}.
 */
public final class WinRmEndpoint {
    private final URI uri;
    private final String user;
    private final char[] password;

    WinRmEndpoint(URI uri, String user, char[] password) {
        this.uri = Objects.requireNonNull(uri);
        this.user = Objects.requireNonNull(user);
        this.password = password.clone();
    }

    /** The WS-Management endpoint, {@code http://127.0.0.1:PORT/wsman}. */
    public URI uri() {
        return uri;
    }

    /** The account, {@code DOMAIN\\user}. */
    public String user() {
        return user;
    }

    /** A copy of the password; wipe it when done. */
    public char[] password() {
        return password.clone();
    }

    /** Connection options for this client library: NTLM, message encryption, these credentials. */
    public ConnectionOptions connectionOptions() {
        return ConnectionOptions.builder(uri).auth(AuthMode.NTLM, new Credentials(user, password)).build();
    }

    @Override
    public String toString() {
        return "WinRmEndpoint[" + uri + ", user " + user + "]";
    }
}
