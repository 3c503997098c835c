package io.hypervwsman.wsman;

import io.hypervwsman.TransportException;

/** The host's reply does not follow WS-Management: missing elements, wrong RelatesTo, a DOCTYPE, bad XML. */
public class ProtocolException extends TransportException {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
