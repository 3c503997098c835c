package io.hypervwsman.transport.auth;

import io.hypervwsman.MessageIntegrityException;

/**
 * Message protection negotiated by an authentication scheme (NTLM or Kerberos): seals and signs what
 * we send, verifies and unseals what we receive. One instance per authenticated connection; the
 * sequence numbers and cipher state it keeps make it stateful and not thread-safe.
 */
public interface SessionSecurity {

    /** The {@code protocol} parameter of the multipart/encrypted body this session produces. */
    String protocol();

    /** Seals and signs one outgoing message. */
    WrappedMessage wrap(byte[] plaintext);

    /**
     * Verifies and unseals one incoming message.
     *
     * @throws MessageIntegrityException if the signature, sequence number or layout is wrong
     */
    byte[] unwrap(byte[] signature, byte[] sealed);

    /** A sealed message split as WinRM frames it: the signature part and the sealed payload. */
    record WrappedMessage(byte[] signature, byte[] sealed) {
    }
}
