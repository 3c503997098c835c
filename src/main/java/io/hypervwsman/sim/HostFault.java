package io.hypervwsman.sim;

/** A misbehaviour the simulated host can show once, for tests of how the client copes. */
public enum HostFault {
    /** The next reply is sent as plaintext SOAP although encryption is in force (a downgrade). */
    PLAINTEXT_REPLY,
    /** The next sealed reply carries a signature with one bit flipped. */
    TAMPERED_SIGNATURE,
    /** The host forgets every authenticated connection, so the next request gets a 401. */
    FORGET_SESSIONS,
    /** The host closes the connection after its next reply, as an idle kept-alive connection is closed. */
    CLOSE_AFTER_REPLY
}
