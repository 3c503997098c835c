package io.hypervwsman.transport;

import io.hypervwsman.TransportException;

/** The reply was larger than MaxEnvelopeSize allows; reading stopped at the limit. */
public class ResponseTooLargeException extends TransportException {
    private static final long serialVersionUID = 1L;

    public ResponseTooLargeException(String message) {
        super(message);
    }
}
