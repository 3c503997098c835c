package io.hypervwsman.transport.auth.kerberos;

import java.util.Arrays;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;

/** Answers Krb5LoginModule's name and password prompts from a char[] that is wiped after the login. */
final class PasswordCallbacks implements CallbackHandler, AutoCloseable {

    private final String principal;
    private final char[] password;

    PasswordCallbacks(String principal, char[] password) {
        this.principal = principal;
        this.password = password.clone();
    }

    @Override
    public void handle(Callback[] callbacks) throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback name) {
                name.setName(principal);
            } else if (callback instanceof PasswordCallback secret) {
                secret.setPassword(password); // PasswordCallback keeps its own copy
            } else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }

    @Override
    public void close() {
        Arrays.fill(password, '\0');
    }

    @Override
    public String toString() {
        return "PasswordCallbacks[" + principal + "]";
    }
}
