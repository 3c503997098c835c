package io.hypervwsman.transport.encryption;

import java.util.Arrays;
import java.util.Objects;

/** One sealed WinRM body in MS-WSMV 2.2.9.1 framing, with the HTTP Content-Type header that announces it. */
public record EncryptedMessage(String contentType, byte[] body) {

    public EncryptedMessage {
        Objects.requireNonNull(contentType, "contentType");
        body = Objects.requireNonNull(body, "body").clone();
    }

    /** The body bytes; a copy, so the value stays immutable. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** Length of the body in bytes, for the Content-Length header, without copying it. */
    public int length() {
        return body.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EncryptedMessage that
                && contentType.equals(that.contentType)
                && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return 31 * contentType.hashCode() + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        // The body is ciphertext; its length is all a log line needs.
        return "EncryptedMessage[contentType=" + contentType + ", length=" + body.length + "]";
    }
}
