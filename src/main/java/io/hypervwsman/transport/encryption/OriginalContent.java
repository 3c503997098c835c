package io.hypervwsman.transport.encryption;

import io.hypervwsman.MessageIntegrityException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The OriginalContent header of MS-WSMV 2.2.9.1, {@code type=application/soap+xml;charset=UTF-8;Length=n}:
 * what the sealed bytes are once unsealed. The charset is informational (the XML declaration governs).
 */
record OriginalContent(String type, int length) {

    private static final int MAX_DIGITS = 10;

    String header() {
        return "type=" + type + ";charset=UTF-8;Length=" + length;
    }

    static OriginalContent parse(String value) {
        Map<String, String> parameters = new HashMap<>();
        for (String parameter : value.split(";", -1)) {
            String trimmed = parameter.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals <= 0) {
                throw malformed("parameter without a value");
            }
            String name = trimmed.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            if (!name.equals("type") && !name.equals("charset") && !name.equals("length")) {
                throw malformed("unknown parameter");
            }
            if (parameters.put(name, trimmed.substring(equals + 1).strip()) != null) {
                throw malformed("parameter '" + name + "' appears twice");
            }
        }
        String type = parameters.get("type");
        if (type == null || !type.equalsIgnoreCase(MultipartEncrypted.ORIGINAL_TYPE)) {
            throw malformed("type is not " + MultipartEncrypted.ORIGINAL_TYPE);
        }
        return new OriginalContent(type, parseLength(parameters.get("length")));
    }

    private static int parseLength(String digits) {
        if (digits == null || digits.isEmpty() || digits.length() > MAX_DIGITS) {
            throw malformed("Length is missing or too long");
        }
        long length = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw malformed("Length is not a decimal number");
            }
            length = length * 10 + (c - '0');
        }
        if (length > Integer.MAX_VALUE) {
            throw malformed("Length is out of range");
        }
        return (int) length;
    }

    private static MessageIntegrityException malformed(String why) {
        return MultipartEncryptedReader.framing("OriginalContent " + why);
    }
}
