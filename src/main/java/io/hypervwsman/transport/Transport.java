package io.hypervwsman.transport;

import java.io.Closeable;

/**
 * Carries one SOAP envelope to the host and brings back its reply, hiding HTTP, authentication and
 * message encryption from the WS-Management layer. Implementations are thread-safe.
 */
public interface Transport extends Closeable {

    /**
     * Sends one envelope (UTF-8 SOAP 1.2) and returns the reply envelope, already decrypted.
     * Replies that carry no SOAP (401, 403, 404, 413, 503, a non-SOAP 500) become exceptions here.
     */
    SoapReply exchange(byte[] envelope);

    @Override
    void close();

    /** A SOAP reply: the HTTP status (200, or 400/500 for a fault) and the plaintext envelope. */
    record SoapReply(int status, byte[] envelope) {
    }
}
