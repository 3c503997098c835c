package io.hypervwsman.transport.auth.ntlm.internal;

import io.hypervwsman.transport.auth.ntlm.TestVectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 5929 tls-server-end-point data and the MsvAvChannelBindings hash, against openssl-computed values. */
class ChannelBindingsTest {
    private final TestVectors expected = TestVectors.load("channel-bindings.properties");

    @ParameterizedTest
    @ValueSource(strings = {"sha1-rsa", "sha256-rsa", "sha384-ecdsa", "pss-sha512"})
    void tlsServerEndPointUsesTheSignatureHashOrSha256ForSha1(String certificate) throws Exception {
        assertArrayEquals(expected.hex(certificate), ChannelBindings.tlsServerEndPoint(load(certificate + ".pem")));
    }

    @Test
    void avPairValueIsMd5OfTheGssChannelBindingsStruct() {
        assertArrayEquals(expected.hex("sha256-rsa.avPairValue"), ChannelBindings.avPairValue(expected.hex("sha256-rsa")));
    }

    @Test
    void noBindingsIsSixteenZeros() {
        assertArrayEquals(new byte[16], ChannelBindings.avPairValue(null));
    }

    private static X509Certificate load(String resource) throws IOException, CertificateException {
        try (InputStream in = ChannelBindingsTest.class.getResourceAsStream("/ntlm/" + resource)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
