package io.hypervwsman.transport.auth.kerberos;

import io.hypervwsman.AuthenticationException;
import java.util.Arrays;

/**
 * Reads the mechanism OID at the start of an initial context token (RFC 2743 section 3.1:
 * [APPLICATION 0] IMPLICIT SEQUENCE { thisMech OBJECT IDENTIFIER, innerContextToken ANY }).
 */
final class InitialContextToken {

    // DER encodings (tag 06, length, content) of the two mechanism OIDs.
    private static final byte[] SPNEGO_OID = {0x06, 0x06, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x02};
    private static final byte[] KRB5_OID = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x12, 0x01, 0x02, 0x02};

    private InitialContextToken() {
    }

    static GssMechanism mechanism(byte[] token) {
        int offset = oidOffset(token);
        if (startsWith(token, offset, SPNEGO_OID)) {
            return GssMechanism.SPNEGO;
        }
        if (startsWith(token, offset, KRB5_OID)) {
            return GssMechanism.KERBEROS;
        }
        throw new AuthenticationException("client token is for neither SPNEGO nor Kerberos");
    }

    /** Skips the [APPLICATION 0] tag and its DER length (short or long form). */
    private static int oidOffset(byte[] token) {
        if (token.length < 2 || token[0] != 0x60) {
            throw new AuthenticationException("client token is not a GSS-API initial context token");
        }
        int first = token[1] & 0xff;
        return first < 0x80 ? 2 : 2 + (first & 0x7f);
    }

    private static boolean startsWith(byte[] token, int offset, byte[] prefix) {
        return offset + prefix.length <= token.length
                && Arrays.equals(token, offset, offset + prefix.length, prefix, 0, prefix.length);
    }
}
