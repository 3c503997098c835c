package io.hypervwsman.transport.encryption;

import io.hypervwsman.MessageIntegrityException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP Content-Type header value split into media type and parameters (RFC 9110 section 8.3.1),
 * strict enough to reject anything ambiguous in a reply that should be multipart/encrypted.
 */
record EncryptedContentType(String mediaType, Map<String, String> parameters) {

    private static final int MAX_LENGTH = 1024;

    EncryptedContentType {
        parameters = Map.copyOf(parameters);
    }

    /** The value of a parameter, looked up case-insensitively as RFC 9110 section 5.6.6 requires. */
    Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name.toLowerCase(Locale.ROOT)));
    }

    static EncryptedContentType parse(String header) {
        if (header == null || header.isBlank()) {
            throw new MessageIntegrityException("reply has no Content-Type while message encryption is in force");
        }
        if (header.length() > MAX_LENGTH) {
            throw new MessageIntegrityException("reply Content-Type is longer than " + MAX_LENGTH + " characters");
        }
        return new Parser(header).parse();
    }

    /** Hand-written scanner: token "/" token *( OWS ";" OWS token "=" ( token / quoted-string ) ). */
    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        EncryptedContentType parse() {
            skipWhitespace();
            String type = token();
            expect('/');
            String subtype = token();
            Map<String, String> parameters = new LinkedHashMap<>();
            skipWhitespace();
            while (pos < text.length()) {
                expect(';');
                skipWhitespace();
                if (pos == text.length()) {
                    break; // a trailing ";" is harmless
                }
                String name = token().toLowerCase(Locale.ROOT);
                expect('=');
                String value = peek() == '"' ? quotedString() : unquotedValue();
                if (parameters.put(name, value) != null) {
                    throw malformed("parameter '" + name + "' appears twice");
                }
                skipWhitespace();
            }
            return new EncryptedContentType((type + "/" + subtype).toLowerCase(Locale.ROOT), parameters);
        }

        private String token() {
            int start = pos;
            while (pos < text.length() && isTokenChar(text.charAt(pos))) {
                pos++;
            }
            if (start == pos) {
                throw malformed("expected a token at position " + start);
            }
            return text.substring(start, pos);
        }

        /** A token, also allowing '/': peers send protocol=application/... unquoted, which is still unambiguous. */
        private String unquotedValue() {
            int start = pos;
            while (pos < text.length() && (isTokenChar(text.charAt(pos)) || text.charAt(pos) == '/')) {
                pos++;
            }
            if (start == pos) {
                throw malformed("expected a parameter value at position " + start);
            }
            return text.substring(start, pos);
        }

        private String quotedString() {
            StringBuilder value = new StringBuilder();
            pos++; // opening quote
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == '"') {
                    return value.toString();
                }
                if (c == '\\') {
                    if (pos == text.length()) {
                        break;
                    }
                    c = text.charAt(pos++);
                }
                if (c < 0x20 && c != '\t' || c == 0x7f) {
                    throw malformed("control character in quoted parameter");
                }
                value.append(c);
            }
            throw malformed("unterminated quoted parameter");
        }

        private void expect(char c) {
            if (peek() != c) {
                throw malformed("expected '" + c + "' at position " + pos);
            }
            pos++;
        }

        private char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        private void skipWhitespace() {
            while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
                pos++;
            }
        }

        private static boolean isTokenChar(char c) {
            // RFC 9110 section 5.6.2 tchar
            return c > 0x20 && c < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
        }

        private static MessageIntegrityException malformed(String why) {
            return new MessageIntegrityException("malformed reply Content-Type: " + why);
        }
    }
}
