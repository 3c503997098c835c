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

    /**
     * Over HTTPS, the RFC 5929 tls-server-end-point application data of the server's certificate, given
     * before the next {@link #step}. Mechanisms that do not bind to the channel ignore it.
     */
    default void bindToChannel(byte[] applicationData) {
    }

    /** The mechanism's name for messages: NTLM or Kerberos. */
    String mechanism();
}
