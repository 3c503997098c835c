package io.hypervwsman.transport.auth.ntlm.internal;

import java.util.Optional;

/** How an {@link NtlmServerContext} finds the password of the account a client names. */
@FunctionalInterface
public interface CredentialLookup {

    /**
     * The password of the account {@code user} in {@code domain}, or empty for an unknown account. Return a copy: the server
     * context clears the array once it has derived the response key.
     */
    Optional<char[]> password(String domain, String user);
}
