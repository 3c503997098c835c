package io.hypervwsman.transport.auth.ntlm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.Properties;

/** Loads a properties file of test vectors from src/test/resources/ntlm. */
public final class TestVectors {
    private final String resource;
    private final Properties properties = new Properties();

    private TestVectors(String resource) {
        this.resource = resource;
        try (InputStream in = TestVectors.class.getResourceAsStream("/ntlm/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TestVectors load(String resource) {
        return new TestVectors(resource);
    }

    public static TestVectors msNlmpNtlmV2() {
        return load("ms-nlmp-4.2.4-ntlmv2.properties");
    }

    public String text(String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalStateException(resource + " has no " + key);
        }
        return value.trim();
    }

    public byte[] hex(String key) {
        return HexFormat.of().parseHex(text(key));
    }
}
