package io.hypervwsman.transport.encryption;

import io.hypervwsman.MessageIntegrityException;
import io.hypervwsman.transport.auth.SessionSecurity;
import io.hypervwsman.transport.auth.SessionSecurity.WrappedMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Seals a SOAP message into, and unseals it from, the multipart/encrypted body WinRM uses for HTTP
 * message encryption (MS-WSMV 2.2.9.1).
 */
public final class MultipartEncrypted {

    /** The boundary Windows uses and expects. */
    public static final String BOUNDARY = "Encrypted Boundary";
    /** Protocol Windows announces after Negotiate (NTLM or Kerberos inside SPNEGO). */
    public static final String SPNEGO_PROTOCOL = "application/HTTP-SPNEGO-session-encrypted";
    /** Protocol for raw Kerberos authentication. */
    public static final String KERBEROS_PROTOCOL = "application/HTTP-Kerberos-session-encrypted";

    static final String MEDIA_TYPE = "multipart/encrypted";
    static final String ORIGINAL_TYPE = "application/soap+xml";
    static final String OCTET_STREAM = "application/octet-stream";

    private static final Map<String, EncryptedContentType> KNOWN_TYPES = new ConcurrentHashMap<>();

    private MultipartEncrypted() {
    }

    /** Seals {@code soapPlaintext} (UTF-8 SOAP) with {@code security} and frames it for sending. */
    public static EncryptedMessage encode(byte[] soapPlaintext, SessionSecurity security) {
        Objects.requireNonNull(soapPlaintext, "soapPlaintext");
        String protocol = security.protocol();
        WrappedMessage wrapped = security.wrap(soapPlaintext);
        byte[] signature = wrapped.signature();
        byte[] sealed = wrapped.sealed();

        ByteArrayOutputStream body = new ByteArrayOutputStream(signature.length + sealed.length + 256);
        writeAscii(body, "--" + BOUNDARY + "\r\n"
                + "\tContent-Type: " + protocol + "\r\n"
                + "\tOriginalContent: " + new OriginalContent(ORIGINAL_TYPE, soapPlaintext.length).header() + "\r\n"
                + "--" + BOUNDARY + "\r\n"
                + "\tContent-Type: " + OCTET_STREAM + "\r\n");
        writeUInt32LittleEndian(body, signature.length);
        body.writeBytes(signature);
        body.writeBytes(sealed);
        writeAscii(body, "--" + BOUNDARY + "--\r\n");

        String contentType = MEDIA_TYPE + ";protocol=\"" + protocol + "\";boundary=\"" + BOUNDARY + "\"";
        return new EncryptedMessage(contentType, body.toByteArray());
    }

    /**
     * Checks the framing of a reply, unseals it with {@code security} and returns the SOAP bytes.
     *
     * @throws MessageIntegrityException if the reply is plaintext (a downgrade), framed wrongly, truncated,
     *     for another protocol, fails the signature check, or unseals to a length other than declared
     */
    public static byte[] decode(String contentType, byte[] body, SessionSecurity security) {
        EncryptedContentType type = replyType(contentType);
        if (!type.mediaType().equals(MEDIA_TYPE)) {
            throw new MessageIntegrityException("downgrade: reply is " + type.mediaType()
                    + " but message encryption is in force");
        }
        String protocol = type.parameter("protocol")
                .orElseThrow(() -> new MessageIntegrityException("multipart/encrypted reply has no protocol"));
        if (!protocol.equalsIgnoreCase(security.protocol())) {
            throw new MessageIntegrityException("reply protocol " + printable(protocol)
                    + " does not match the session's " + security.protocol());
        }
        String boundary = type.parameter("boundary")
                .filter(MultipartEncrypted::isValidBoundary)
                .orElseThrow(() -> new MessageIntegrityException("multipart/encrypted reply has no valid boundary"));

        EncryptedParts parts = MultipartEncryptedReader.read(body, boundary, protocol);
        // Every known layout carries at least as many bytes as it unseals to; a larger claim is a lie.
        if ((long) parts.originalLength() > (long) parts.signature().length + parts.sealed().length) {
            throw new MessageIntegrityException("declared Length " + parts.originalLength()
                    + " exceeds the encrypted payload");
        }
        byte[] plaintext = security.unwrap(parts.signature(), parts.sealed());
        if (plaintext == null || plaintext.length != parts.originalLength()) {
            throw new MessageIntegrityException("unsealed reply length does not match the declared Length "
                    + parts.originalLength());
        }
        return plaintext;
    }

    /**
     * Parsed once per distinct header: a host sends the same Content-Type on every reply (a few distinct values when a
     * client and a simulated host share the JVM, hence a small map rather than the last value).
     */
    private static EncryptedContentType replyType(String header) {
        EncryptedContentType known = header == null ? null : KNOWN_TYPES.get(header);
        if (known != null) {
            return known;
        }
        EncryptedContentType parsed = EncryptedContentType.parse(header);
        return KNOWN_TYPES.size() < 16 ? KNOWN_TYPES.computeIfAbsent(header, h -> parsed) : parsed;
    }

    /** RFC 2046 section 5.1.1: 1 to 70 characters, not ending in a space. */
    private static boolean isValidBoundary(String boundary) {
        if (boundary.isEmpty() || boundary.length() > 70 || boundary.endsWith(" ")) {
            return false;
        }
        return boundary.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    private static String printable(String value) {
        return value.length() > 64 ? value.substring(0, 64) + "..." : value;
    }

    private static void writeAscii(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static void writeUInt32LittleEndian(ByteArrayOutputStream out, int value) {
        out.write(value);
        out.write(value >>> 8);
        out.write(value >>> 16);
        out.write(value >>> 24);
    }
}
