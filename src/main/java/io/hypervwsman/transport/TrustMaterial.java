package io.hypervwsman.transport;

import io.hypervwsman.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Builds the TLS context: the JDK trust store by default, exactly the CAs of a PEM file, or (insecure) anything. */
final class TrustMaterial {
    private TrustMaterial() {
    }

    static SSLContext sslContext(Path caFile) {
        return sslContext(caFile, null);
    }

    /** As above, presenting a client certificate when the server asks for one (null: none). */
    static SSLContext sslContext(Path caFile, javax.net.ssl.KeyManager[] keyManagers) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            if (caFile == null) {
                context.init(keyManagers, null, null);
                return context;
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(caKeyStore(caFile));
            context.init(keyManagers, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** For --insecure-skip-tls-verification only: a context that trusts every certificate chain. */
    static SSLContext trustingAnything(javax.net.ssl.KeyManager[] keyManagers) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, new javax.net.ssl.TrustManager[] {new TrustingAnything()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** Accepts every server chain, names included (an X509ExtendedTrustManager, so JSSE adds no name check). */
    private static final class TrustingAnything extends javax.net.ssl.X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType,
                                       java.net.Socket socket) {
        }

        @Override
        public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType,
                                       java.net.Socket socket) {
        }

        @Override
        public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType,
                                       javax.net.ssl.SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType,
                                       javax.net.ssl.SSLEngine engine) {
        }

        @Override
        public java.security.cert.X509Certificate[] getAcceptedIssuers() {
            return new java.security.cert.X509Certificate[0];
        }
    }

    private static KeyStore caKeyStore(Path caFile) throws GeneralSecurityException {
        Collection<? extends Certificate> certs;
        try (InputStream in = Files.newInputStream(caFile)) {
            certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read CA file " + caFile + ": " + e.getMessage(), e);
        }
        if (certs.isEmpty()) {
            throw new ConfigurationException("CA file " + caFile + " holds no PEM certificate");
        }
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            ks.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        int i = 0;
        for (Certificate c : certs) {
            ks.setCertificateEntry("ca-" + i++, c);
        }
        return ks;
    }
}
