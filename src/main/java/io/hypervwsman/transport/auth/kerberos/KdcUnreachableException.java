package io.hypervwsman.transport.auth.kerberos;

import io.hypervwsman.AuthenticationException;

/** The Kerberos login found no KDC to ask: no realm configured, an unknown KDC name, or nothing listening there. */
public class KdcUnreachableException extends AuthenticationException {
    private static final long serialVersionUID = 1L;

    public KdcUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
