package io.hypervwsman;

/** The host did not accept our credentials, or the authentication handshake could not complete. */
public class AuthenticationException extends HyperVWsManException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(String message) {
        super(message);
    }

    public AuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
