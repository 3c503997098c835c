package io.hypervwsman.transport;

/** HTTP 403: the account is authenticated but not allowed to use WinRM. */
public class HttpForbiddenException extends HttpStatusException {
    private static final long serialVersionUID = 1L;

    public HttpForbiddenException(String message) {
        super(403, message);
    }
}
