package io.hypervwsman.transport.auth.kerberos;

import org.ietf.jgss.GSSException;
import org.ietf.jgss.Oid;

/** The GSS-API mechanism a Kerberos context negotiates, and the WinRM encryption protocol that goes with it. */
public enum GssMechanism {

    /** SPNEGO (RFC 4178) carrying Kerberos, as {@code Authorization: Negotiate} does; Windows then says SPNEGO. */
    SPNEGO("1.3.6.1.5.5.2", "application/HTTP-SPNEGO-session-encrypted"),

    /** Raw Kerberos V5 (RFC 4121), as {@code Authorization: Kerberos} does. */
    KERBEROS("1.2.840.113554.1.2.2", "application/HTTP-Kerberos-session-encrypted");

    private final String oid;
    private final String encryptionProtocol;

    GssMechanism(String oid, String encryptionProtocol) {
        this.oid = oid;
        this.encryptionProtocol = encryptionProtocol;
    }

    /** The mechanism's object identifier in dotted form. */
    public String oidString() {
        return oid;
    }

    /** The multipart/encrypted {@code protocol} (MS-WSMV 2.2.9.1) a session under this mechanism uses. */
    public String encryptionProtocol() {
        return encryptionProtocol;
    }

    Oid oid() {
        return parse(oid);
    }

    static Oid parse(String dotted) {
        try {
            return new Oid(dotted);
        } catch (GSSException e) {
            throw new IllegalStateException("malformed built-in OID " + dotted, e);
        }
    }
}
