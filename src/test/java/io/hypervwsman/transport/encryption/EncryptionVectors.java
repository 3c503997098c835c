package io.hypervwsman.transport.encryption;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.Collectors;

/** Loads the golden bodies under src/test/resources/encryption (hex text, '#' comments). */
final class EncryptionVectors {

    static final String SPNEGO_CONTENT_TYPE =
            "multipart/encrypted;protocol=\"application/HTTP-SPNEGO-session-encrypted\";boundary=\"Encrypted Boundary\"";
    static final String KERBEROS_CONTENT_TYPE =
            "multipart/encrypted;protocol=\"application/HTTP-Kerberos-session-encrypted\";boundary=\"Encrypted Boundary\"";

    private EncryptionVectors() {
    }

    static byte[] hex(String name) {
        String text = new String(resource(name), StandardCharsets.US_ASCII);
        String digits = text.lines()
                .filter(line -> !line.startsWith("#"))
                .map(String::strip)
                .collect(Collectors.joining());
        return HexFormat.of().parseHex(digits);
    }

    static byte[] plaintext() {
        return resource("golden-plaintext.xml");
    }

    private static byte[] resource(String name) {
        try (InputStream in = EncryptionVectors.class.getResourceAsStream("/encryption/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /encryption/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
