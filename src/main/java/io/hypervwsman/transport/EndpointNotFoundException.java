package io.hypervwsman.transport;

/** HTTP 404: nothing listens for WS-Management at this URL path. */
public class EndpointNotFoundException extends HttpStatusException {
    private static final long serialVersionUID = 1L;

    public EndpointNotFoundException(String message) {
        super(404, message);
    }
}
