package io.hypervwsman.transport.auth.kerberos;

/** How a sealed RFC 4121 wrap token is split into WinRM's signature and sealed parts. */
public enum WrapTokenLayout {

    /**
     * What Windows sends (MS-KILE 3.4.5.4.1): the trailer rotated behind the header (RRC = EC + 16 + checksum,
     * 28 for AES with SHA-1); signature = header, rotated trailer and encrypted confounder (60 bytes for
     * AES-SHA1), sealed = exactly as many bytes as the plaintext.
     */
    ROTATED,

    /** RRC = 0: signature = the 16-byte token header, sealed = the rest of the token. */
    UNROTATED
}
