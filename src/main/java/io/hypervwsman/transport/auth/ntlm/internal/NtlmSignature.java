package io.hypervwsman.transport.auth.ntlm.internal;

import io.hypervwsman.MessageIntegrityException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * NTLMSSP_MESSAGE_SIGNATURE with extended session security (MS-NLMP 2.2.2.9.1): Version 1, an 8-byte
 * encrypted checksum and the sequence number.
 */
public record NtlmSignature(byte[] checksum, int sequenceNumber) {
    static final int LENGTH = 16;
    private static final int VERSION = 1;

    public NtlmSignature {
        checksum = checksum.clone();
    }

    @Override
    public byte[] checksum() {
        return checksum.clone();
    }

    byte[] toBytes() {
        return new NtlmWriter().int32(VERSION).bytes(checksum).int32(sequenceNumber).toByteArray();
    }

    public static NtlmSignature parse(byte[] signature) {
        if (signature == null || signature.length != LENGTH) {
            throw new MessageIntegrityException("NTLM signature must be " + LENGTH + " bytes, got "
                    + (signature == null ? "none" : signature.length));
        }
        ByteBuffer buffer = ByteBuffer.wrap(signature).order(ByteOrder.LITTLE_ENDIAN);
        if (buffer.getInt(0) != VERSION) {
            throw new MessageIntegrityException("NTLM signature has an unknown version");
        }
        byte[] checksum = new byte[8];
        buffer.get(4, checksum);
        return new NtlmSignature(checksum, buffer.getInt(12));
    }

    @Override
    public String toString() {
        return "NtlmSignature[seq=" + Integer.toUnsignedString(sequenceNumber) + "]";
    }
}
