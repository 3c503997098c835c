package io.hypervwsman.transport.auth.ntlm.internal;

import io.hypervwsman.AuthenticationException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Bounds-checked little-endian reads from one received NTLM structure; every out-of-range or
 * malformed read becomes an {@link AuthenticationException} naming the structure, never the bytes.
 */
public final class NtlmReader {
    private final byte[] data;
    private final String structure;

    NtlmReader(byte[] data, String structure) {
        if (data == null) {
            throw new AuthenticationException("NTLM " + structure + " is missing");
        }
        this.data = data;
        this.structure = structure;
    }

    int length() {
        return data.length;
    }

    int uint8(int offset) {
        require(offset, 1);
        return data[offset] & 0xFF;
    }

    int uint16(int offset) {
        require(offset, 2);
        return (data[offset] & 0xFF) | (data[offset + 1] & 0xFF) << 8;
    }

    int int32(int offset) {
        require(offset, 4);
        return (data[offset] & 0xFF) | (data[offset + 1] & 0xFF) << 8
                | (data[offset + 2] & 0xFF) << 16 | (data[offset + 3] & 0xFF) << 24;
    }

    long uint32(int offset) {
        return int32(offset) & 0xFFFF_FFFFL;
    }

    long int64(int offset) {
        return uint32(offset) | (long) int32(offset + 4) << 32;
    }

    byte[] bytes(int offset, long length) {
        require(offset, length);
        return Arrays.copyOfRange(data, offset, offset + (int) length);
    }

    /** Everything from {@code offset} to the end. */
    byte[] rest(int offset) {
        require(offset, 0);
        return Arrays.copyOfRange(data, offset, data.length);
    }

    /**
     * Reads the payload a security buffer (MS-NLMP 2.2: Len, MaxLen, BufferOffset) at {@code field}
     * points to; a non-empty payload must lie wholly after the fixed part of the message.
     */
    byte[] securityBuffer(int field, int fixedPartLength) {
        int len = uint16(field);
        long offset = uint32(field + 4);
        if (len == 0) {
            return new byte[0];
        }
        if (offset < fixedPartLength) {
            throw malformed("a field points into the fixed header");
        }
        if (offset > data.length) {
            throw malformed("a field points past the end of the message");
        }
        return bytes((int) offset, len);
    }

    /** The BufferOffset of a non-empty security buffer, or {@link Long#MAX_VALUE} for an empty one. */
    long payloadOffset(int field) {
        return uint16(field) == 0 ? Long.MAX_VALUE : uint32(field + 4);
    }

    String utf16(byte[] encoded) {
        if (encoded.length % 2 != 0) {
            throw malformed("a UTF-16 string has an odd number of bytes");
        }
        return new String(encoded, StandardCharsets.UTF_16LE);
    }

    String text(byte[] encoded, boolean unicode) {
        // OEM strings use the host code page (MS-NLMP 2.2); ISO-8859-1 keeps every byte decodable.
        return unicode ? utf16(encoded) : new String(encoded, StandardCharsets.ISO_8859_1);
    }

    void requireSignature(int messageType) {
        byte[] signature = bytes(0, NtlmMessageWriter.SIGNATURE.length);
        if (!Arrays.equals(signature, NtlmMessageWriter.SIGNATURE)) {
            throw malformed("it does not start with \"NTLMSSP\\0\"");
        }
        if (uint32(8) != messageType) {
            throw malformed("the MessageType is not " + messageType);
        }
    }

    AuthenticationException malformed(String why) {
        return new AuthenticationException("Malformed NTLM " + structure + ": " + why);
    }

    private void require(int offset, long length) {
        if (offset < 0 || length < 0 || offset > data.length || length > data.length - offset) {
            throw malformed("truncated (" + data.length + " bytes)");
        }
    }
}
