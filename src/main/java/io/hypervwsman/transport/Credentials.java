package io.hypervwsman.transport;

import java.util.Arrays;
import java.util.Objects;

/**
 * A user and password. The password is a char array so callers can wipe it; it never appears in
 * {@link #toString()}, logs or exception messages.
 *
 * @param user the account as given: {@code DOMAIN\\user}, {@code user@REALM} or {@code user}
 */
public record Credentials(String user, char[] password) {

    public Credentials {
        Objects.requireNonNull(user, "user");
        password = password == null ? new char[0] : password.clone();
    }

    /** The domain part of {@code DOMAIN\\user} or {@code user@realm}, or the empty string. */
    public String domain() {
        int backslash = user.indexOf('\\');
        if (backslash >= 0) {
            return user.substring(0, backslash);
        }
        int at = user.lastIndexOf('@');
        return at >= 0 ? user.substring(at + 1) : "";
    }

    /** The account name without its domain. */
    public String userName() {
        int backslash = user.indexOf('\\');
        if (backslash >= 0) {
            return user.substring(backslash + 1);
        }
        int at = user.lastIndexOf('@');
        return at >= 0 ? user.substring(0, at) : user;
    }

    @Override
    public char[] password() {
        return password.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Credentials c && c.user.equals(user) && Arrays.equals(c.password, password);
    }

    @Override
    public int hashCode() {
        return user.hashCode();
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user + ", password=<redacted>]";
    }
}
