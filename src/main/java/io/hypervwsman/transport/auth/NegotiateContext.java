package io.hypervwsman.transport.auth;

/**
 * One authentication handshake carried in the HTTP {@code Negotiate} scheme (NTLM or Kerberos) for one
 * connection. Tokens are raw bytes; the transport base64-encodes them into Authorization headers.
 */
public interface NegotiateContext {

    /** The first token to send (an NTLM NEGOTIATE, or a Kerberos AP-REQ / SPNEGO NegTokenInit). */
    byte[] initialToken();

    /** Consumes the host's token and returns the next one to send, or null when nothing more is needed. */
    byte[] step(byte[] serverToken);

    /** True once message protection is available (the context can wrap). */
    boolean isEstablished();

    /** The message protection of the established context. */
    SessionSecurity sessionSecurity();

    /** The mechanism's name for messages: NTLM or Kerberos. */
    String mechanism();
}
