package io.hypervwsman.sim;

/**
 * A misbehaviour the simulated host's gateway can show once, for tests of how the client copes. Faults that
 * change a reply are applied after the backend has carried the request out; RESET_BEFORE_READ and
 * SERVICE_UNAVAILABLE keep the request from the backend altogether.
 */
public enum HostFault {
    /** The next reply is sent as plaintext SOAP although encryption is in force (a downgrade). */
    PLAINTEXT_REPLY,
    /** The next sealed reply carries a signature with one bit flipped. */
    TAMPERED_SIGNATURE,
    /** The host forgets every authenticated session (not a handshake in progress), so the next request gets a 401. */
    FORGET_SESSIONS,
    /** The host closes the connection after its next reply, as an idle kept-alive connection is closed. */
    CLOSE_AFTER_REPLY,
    /** The connection is closed before the request reaches the WS-Management service: nothing is carried out. */
    RESET_BEFORE_READ,
    /** HTTP.sys answers 503 without SOAP (the WinRM service is unavailable): nothing is carried out. */
    SERVICE_UNAVAILABLE,
    /** The next sealed reply is cut short inside its encrypted part. */
    TRUNCATED_MULTIPART,
    /** The next sealed reply is signed and sealed with the sequence number after the expected one. */
    WRONG_SEQUENCE_NUMBER,
    /** The next reply carries bytes that are not UTF-8 in its body, correctly sealed. */
    INVALID_UTF8,
    /** The next reply's a:RelatesTo names another message. */
    RELATES_TO_MISMATCH,
    /** The next reply is padded past the client's MaxEnvelopeSize (512000 bytes by default). */
    OVERSIZE_REPLY,
    /** The next reply starts with a DOCTYPE declaring an external entity and an entity-expansion bomb. */
    DOCTYPE_REPLY,
    /** The request is carried out, then the host holds the connection open and never answers. */
    NO_REPLY,
    /** The request is carried out, then its reply is sent one byte every 20 ms (until the client gives up). */
    TRICKLE_REPLY,
    /** The request is carried out, then the reply is a chunked body that never ends (until the client gives up). */
    ENDLESS_REPLY
}
