package io.hypervwsman.transport.auth.ntlm.internal;

import java.nio.charset.StandardCharsets;

/**
 * Lays out one NTLM message as MS-NLMP 2.2.1 does: a fixed part of known length whose security
 * buffers (Len, MaxLen, BufferOffset) point into a payload that follows it.
 */
public final class NtlmMessageWriter {
    static final byte[] SIGNATURE = "NTLMSSP\0".getBytes(StandardCharsets.US_ASCII);

    private final int fixedPartLength;
    private final NtlmWriter fixed = new NtlmWriter();
    private final NtlmWriter payload = new NtlmWriter();

    NtlmMessageWriter(int messageType, int fixedPartLength) {
        this.fixedPartLength = fixedPartLength;
        fixed.bytes(SIGNATURE).int32(messageType);
    }

    NtlmWriter fixed() {
        return fixed;
    }

    /** Appends {@code value} to the payload and writes the security buffer that points to it. */
    NtlmMessageWriter securityBuffer(byte[] value) {
        if (value.length > 0xFFFF) {
            throw new IllegalArgumentException("NTLM field longer than 65535 bytes");
        }
        fixed.uint16(value.length).uint16(value.length).int32(fixedPartLength + payload.size());
        payload.bytes(value);
        return this;
    }

    byte[] toByteArray() {
        if (fixed.size() != fixedPartLength) {
            throw new IllegalStateException("fixed part is " + fixed.size() + " bytes, expected " + fixedPartLength);
        }
        return new NtlmWriter().bytes(fixed.toByteArray()).bytes(payload.toByteArray()).toByteArray();
    }
}
