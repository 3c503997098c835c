package io.hypervwsman.transport;

import io.hypervwsman.AuthenticationException;
import java.util.List;

/** HTTP 401: the host did not accept the credentials or the authentication scheme. */
public class HttpUnauthorizedException extends AuthenticationException {
    private static final long serialVersionUID = 1L;
    private final List<String> offeredSchemes;

    public HttpUnauthorizedException(String message, List<String> offeredSchemes) {
        super(message);
        this.offeredSchemes = List.copyOf(offeredSchemes);
    }

    /** The schemes named in WWW-Authenticate (e.g. Negotiate, Kerberos, Basic). */
    public List<String> offeredSchemes() {
        return offeredSchemes;
    }
}
