package io.hypervwsman.transport.auth.ntlm.internal;

import java.nio.charset.StandardCharsets;

/** The signing and sealing keys of one direction (MS-NLMP 3.4.5.2 SIGNKEY, 3.4.5.3 SEALKEY, 128-bit). */
public record SignAndSealKeys(byte[] signingKey, byte[] sealingKey) {
    private static final byte[] CLIENT_SIGNING = magic("session key to client-to-server signing key magic constant");
    private static final byte[] CLIENT_SEALING = magic("session key to client-to-server sealing key magic constant");
    private static final byte[] SERVER_SIGNING = magic("session key to server-to-client signing key magic constant");
    private static final byte[] SERVER_SEALING = magic("session key to server-to-client sealing key magic constant");

    public SignAndSealKeys {
        signingKey = signingKey.clone();
        sealingKey = sealingKey.clone();
    }

    public static SignAndSealKeys clientToServer(byte[] exportedSessionKey) {
        return new SignAndSealKeys(Digests.md5(exportedSessionKey, CLIENT_SIGNING),
                Digests.md5(exportedSessionKey, CLIENT_SEALING));
    }

    public static SignAndSealKeys serverToClient(byte[] exportedSessionKey) {
        return new SignAndSealKeys(Digests.md5(exportedSessionKey, SERVER_SIGNING),
                Digests.md5(exportedSessionKey, SERVER_SEALING));
    }

    @Override
    public byte[] signingKey() {
        return signingKey.clone();
    }

    @Override
    public byte[] sealingKey() {
        return sealingKey.clone();
    }

    @Override
    public String toString() {
        return "SignAndSealKeys[redacted]";
    }

    private static byte[] magic(String constant) {
        // The constants include their terminating NUL (MS-NLMP 3.4.5.2).
        return (constant + "\0").getBytes(StandardCharsets.US_ASCII);
    }
}
