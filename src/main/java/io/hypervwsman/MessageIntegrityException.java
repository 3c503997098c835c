package io.hypervwsman;

/**
 * A message failed an integrity check: bad signature, wrong sequence number, malformed or truncated
 * encryption framing, or a plaintext reply while encryption is in force. Never carries key material.
 */
public class MessageIntegrityException extends TransportException {
    private static final long serialVersionUID = 1L;

    public MessageIntegrityException(String message) {
        super(message);
    }
}
