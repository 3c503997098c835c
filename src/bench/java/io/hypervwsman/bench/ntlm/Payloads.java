package io.hypervwsman.bench.ntlm;

import java.nio.charset.StandardCharsets;

/** Message bodies for the crypto benchmarks: SOAP-like ASCII text of an exact size. */
public final class Payloads {
    private static final byte[] PATTERN = ("<p:Msvm_ComputerSystem><p:ElementName>web-frontend-01</p:ElementName>"
            + "<p:EnabledState>2</p:EnabledState></p:Msvm_ComputerSystem>").getBytes(StandardCharsets.US_ASCII);

    private Payloads() {
    }

    /** {@code size} bytes of repeated XML text; RC4 and HMAC-MD5 cost does not depend on content. */
    public static byte[] soapLike(int size) {
        byte[] payload = new byte[size];
        for (int i = 0; i < size; i++) {
            payload[i] = PATTERN[i % PATTERN.length];
        }
        return payload;
    }
}
