package io.hypervwsman.transport.auth.ntlm.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Sequential little-endian output for NTLM structures. */
public final class NtlmWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    NtlmWriter uint8(int value) {
        out.write(value);
        return this;
    }

    NtlmWriter uint16(int value) {
        out.write(value);
        out.write(value >>> 8);
        return this;
    }

    public NtlmWriter int32(int value) {
        uint16(value);
        return uint16(value >>> 16);
    }

    NtlmWriter int64(long value) {
        int32((int) value);
        return int32((int) (value >>> 32));
    }

    public NtlmWriter bytes(byte[] value) {
        out.writeBytes(value);
        return this;
    }

    NtlmWriter zeros(int count) {
        return bytes(new byte[count]);
    }

    int size() {
        return out.size();
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }

    static byte[] utf16(String text) {
        return text.getBytes(StandardCharsets.UTF_16LE);
    }
}
