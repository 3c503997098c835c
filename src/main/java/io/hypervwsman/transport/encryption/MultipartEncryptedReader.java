package io.hypervwsman.transport.encryption;

import io.hypervwsman.MessageIntegrityException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parses the MS-WSMV 2.2.9.1 body by byte offsets (the payload is binary, so it is never turned into a
 * String). Accepts the layout Windows writes plus unambiguous whitespace variants: header lines with or
 * without the leading tab, spaces around ':', LF instead of CRLF, and nothing or CRLF after the closing
 * delimiter. It does not accept a line break before the closing delimiter: the sealed bytes run right up
 * to it, so such bytes cannot be told apart from ciphertext.
 */
final class MultipartEncryptedReader {

    private static final int MAX_HEADER_LINE = 1024;
    private static final int LENGTH_PREFIX = 4;

    private final byte[] body;
    private final String boundary;
    private int pos;
    private int end;

    private MultipartEncryptedReader(byte[] body, String boundary) {
        this.body = body;
        this.boundary = boundary;
    }

    /** Splits {@code body} into its parts, checking the framing against the expected boundary and protocol. */
    static EncryptedParts read(byte[] body, String boundary, String protocol) {
        if (body == null) {
            throw framing("reply has no body");
        }
        return new MultipartEncryptedReader(body, boundary).read(protocol);
    }

    private EncryptedParts read(String protocol) {
        end = closingDelimiterStart();
        expectDelimiterLine();
        int originalLength = readControlPart(protocol);
        expectDelimiterLine();
        String payloadType = headerLine().expect("Content-Type");
        if (!payloadType.equalsIgnoreCase(MultipartEncrypted.OCTET_STREAM)) {
            throw framing("encrypted part has Content-Type '" + printable(payloadType) + "'");
        }
        return readPayload(originalLength);
    }

    /** MS-WSMV 2.2.9.1: the first part names the protocol and the original content's type and length. */
    private int readControlPart(String protocol) {
        Map<String, String> headers = new HashMap<>();
        while (!atDelimiterLine()) {
            Header header = headerLine();
            String name = header.name().toLowerCase(Locale.ROOT);
            if (!name.equals("content-type") && !name.equals("originalcontent")) {
                throw framing("unexpected header '" + printable(header.name()) + "' in the first part");
            }
            if (headers.put(name, header.value()) != null) {
                throw framing("header '" + header.name() + "' appears twice in the first part");
            }
        }
        String partProtocol = headers.get("content-type");
        if (partProtocol == null || !partProtocol.equalsIgnoreCase(protocol)) {
            throw framing("first part's Content-Type does not match protocol " + protocol);
        }
        String originalContent = headers.get("originalcontent");
        if (originalContent == null) {
            throw framing("first part has no OriginalContent header");
        }
        return OriginalContent.parse(originalContent).length();
    }

    /** uint32 little-endian signature length, the signature, then the sealed bytes up to the closing delimiter. */
    private EncryptedParts readPayload(int originalLength) {
        int remaining = end - pos;
        if (remaining < LENGTH_PREFIX) {
            throw framing("encrypted part is too short for the signature length");
        }
        long signatureLength = (body[pos] & 0xffL)
                | (body[pos + 1] & 0xffL) << 8
                | (body[pos + 2] & 0xffL) << 16
                | (body[pos + 3] & 0xffL) << 24;
        pos += LENGTH_PREFIX;
        if (signatureLength > end - pos) {
            throw framing("signature length " + signatureLength + " exceeds the " + (end - pos)
                    + " bytes left in the encrypted part");
        }
        int signatureEnd = pos + (int) signatureLength;
        byte[] signature = Arrays.copyOfRange(body, pos, signatureEnd);
        byte[] sealed = Arrays.copyOfRange(body, signatureEnd, end);
        return new EncryptedParts(originalLength, signature, sealed);
    }

    /** Where "--boundary--" starts; only CR, LF, space or tab may follow it. */
    private int closingDelimiterStart() {
        byte[] closing = ascii("--" + boundary + "--");
        int last = body.length;
        while (last > 0 && isWhitespaceOrLineBreak(body[last - 1])) {
            last--;
        }
        int start = last - closing.length;
        if (start < 0 || !Arrays.equals(body, start, last, closing, 0, closing.length)) {
            throw framing("closing boundary is missing");
        }
        return start;
    }

    private boolean atDelimiterLine() {
        int lineEnd = lineEnd();
        return lineEnd >= 0 && isDelimiter(pos, lineEnd);
    }

    private void expectDelimiterLine() {
        int lineEnd = lineEnd();
        if (lineEnd < 0 || !isDelimiter(pos, lineEnd)) {
            throw framing("expected boundary line '--" + boundary + "'");
        }
        pos = lineEnd + 1;
    }

    private boolean isDelimiter(int from, int lineEnd) {
        byte[] delimiter = ascii("--" + boundary);
        int to = trimEnd(from, lineEnd);
        return Arrays.equals(body, from, to, delimiter, 0, delimiter.length);
    }

    private Header headerLine() {
        int lineEnd = lineEnd();
        if (lineEnd < 0) {
            throw framing("header line is missing or not terminated");
        }
        int from = pos;
        while (from < lineEnd && isWhitespace(body[from])) {
            from++;
        }
        int to = trimEnd(from, lineEnd);
        for (int i = from; i < to; i++) {
            if (body[i] < 0x20 && body[i] != '\t' || body[i] == 0x7f) {
                throw framing("header line holds a control or non-ASCII byte");
            }
        }
        String line = new String(body, from, to - from, StandardCharsets.US_ASCII);
        pos = lineEnd + 1;
        int colon = line.indexOf(':');
        if (colon <= 0) {
            throw framing("header line has no name");
        }
        return new Header(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
    }

    /** Index of the LF ending the line at {@code pos}, or -1 if none before the closing delimiter. */
    private int lineEnd() {
        int limit = Math.min(end, pos + MAX_HEADER_LINE);
        for (int i = pos; i < limit; i++) {
            if (body[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Drops an optional CR before the LF and trailing spaces or tabs. */
    private int trimEnd(int from, int lineEnd) {
        int to = lineEnd;
        if (to > from && body[to - 1] == '\r') {
            to--;
        }
        while (to > from && isWhitespace(body[to - 1])) {
            to--;
        }
        return to;
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t';
    }

    private static boolean isWhitespaceOrLineBreak(byte b) {
        return isWhitespace(b) || b == '\r' || b == '\n';
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String printable(String value) {
        return value.length() > 64 ? value.substring(0, 64) + "..." : value;
    }

    static MessageIntegrityException framing(String why) {
        return new MessageIntegrityException("malformed encrypted reply: " + why);
    }

    private record Header(String name, String value) {
        String expect(String expected) {
            if (!name.equalsIgnoreCase(expected)) {
                throw framing("expected header '" + expected + "' but found '" + printable(name) + "'");
            }
            return value;
        }
    }
}
