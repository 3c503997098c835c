package io.hypervwsman.transport;

/** How the client authenticates to the WinRM service. */
public enum AuthMode {
    /** No Authorization header: only for plain-HTTP test servers. */
    NONE,
    /** HTTP Basic; refused over plain HTTP because it would send the password in the clear. */
    BASIC,
    /** Kerberos when a ticket or keytab is available and the host is a name, otherwise NTLM. */
    NEGOTIATE,
    /** NTLMv2 inside the Negotiate scheme. */
    NTLM,
    /** Kerberos (SPNEGO) inside the Negotiate scheme. */
    KERBEROS,
    /** A TLS client certificate the host maps to an account; HTTPS only. */
    CERTIFICATE
}
