package io.hypervwsman.transport;

/** HTTP 500 without a SOAP fault: the host failed before WS-Management could answer. */
public class HttpServerErrorException extends HttpStatusException {
    private static final long serialVersionUID = 1L;

    public HttpServerErrorException(String message) {
        super(500, message);
    }
}
