package io.hypervwsman.transport;

/** HTTP 413: the host refused the request as larger than it accepts. */
public class RequestTooLargeException extends HttpStatusException {
    private static final long serialVersionUID = 1L;

    public RequestTooLargeException(String message) {
        super(413, message);
    }
}
