package io.hypervwsman.transport;

import io.hypervwsman.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;

/**
 * The TLS client certificate and key for WinRM certificate authentication (HTTPS only): from a PKCS#12 file, or
 * from a PEM certificate (chain) and an unencrypted PKCS#8 PEM key ({@code BEGIN PRIVATE KEY}). The host maps the
 * certificate to a local account; no password goes over the wire.
 */
public final class ClientCertificate {
    private final KeyStore store;
    private final char[] storePassword;
    private final String subject;

    private ClientCertificate(KeyStore store, char[] storePassword, String subject) {
        this.store = store;
        this.storePassword = storePassword;
        this.subject = subject;
    }

    /** A PKCS#12 file holding one key and its certificate chain. */
    public static ClientCertificate fromPkcs12(Path file, char[] password) {
        char[] pw = password == null ? new char[0] : password.clone();
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, pw);
            String alias = null;
            for (String a : java.util.Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(a)) {
                    if (alias != null) {
                        throw new ConfigurationException(file + " holds more than one private key; give one");
                    }
                    alias = a;
                }
            }
            if (alias == null) {
                throw new ConfigurationException(file + " holds no private key");
            }
            return new ClientCertificate(ks, pw, subjectOf(ks.getCertificate(alias)));
        } catch (IOException e) {
            boolean badPassword = e.getCause() instanceof java.security.UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).contains("password");
            throw new ConfigurationException("cannot read the client certificate " + file + ": " + reason(e)
                    + (badPassword ? " (its password comes from HYPERV_WSMAN_CERT_PASSWORD)" : ""), e);
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException("cannot use the client certificate " + file + ": " + e.getMessage(), e);
        }
    }

    /** A PEM certificate (the client's first, then any intermediates) and its unencrypted PKCS#8 PEM key. */
    public static ClientCertificate fromPem(Path certificateFile, Path keyFile) {
        try {
            Collection<? extends Certificate> chain;
            try (InputStream in = Files.newInputStream(certificateFile)) {
                chain = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (chain.isEmpty()) {
                throw new ConfigurationException(certificateFile + " holds no PEM certificate");
            }
            PrivateKey key = pkcs8Key(keyFile, ((X509Certificate) chain.iterator().next()).getPublicKey().getAlgorithm());
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            char[] pw = new char[0];
            ks.setKeyEntry("client", key, pw, chain.toArray(new Certificate[0]));
            return new ClientCertificate(ks, pw, subjectOf(chain.iterator().next()));
        } catch (IOException e) {
            throw new ConfigurationException("cannot read the client certificate: " + reason(e), e);
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException("cannot use the client certificate " + certificateFile + " with "
                    + keyFile + ": " + e.getMessage(), e);
        }
    }

    private static PrivateKey pkcs8Key(Path keyFile, String algorithm) throws IOException, GeneralSecurityException {
        String pem = Files.readString(keyFile, StandardCharsets.US_ASCII);
        if (pem.contains("ENCRYPTED PRIVATE KEY")) {
            throw new ConfigurationException(keyFile + " is an encrypted key; give a PKCS#12 file instead"
                    + " (password in HYPERV_WSMAN_CERT_PASSWORD)");
        }
        if (pem.contains("BEGIN RSA PRIVATE KEY") || pem.contains("BEGIN EC PRIVATE KEY")) {
            throw new ConfigurationException(keyFile + " is a PKCS#1/SEC1 key; convert it to PKCS#8 with"
                    + " 'openssl pkey -in KEY -out KEY.pk8.pem', or give a PKCS#12 file");
        }
        int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new ConfigurationException(keyFile + " holds no PEM private key (BEGIN PRIVATE KEY)");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + 27, end));
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    private static String subjectOf(Certificate c) {
        return c instanceof X509Certificate x ? x.getSubjectX500Principal().getName() : "?";
    }

    private static String reason(IOException e) {
        return e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage();
    }

    /** The certificate's subject, for messages. */
    public String subject() {
        return subject;
    }

    KeyManager[] keyManagers() {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, storePassword);
            return kmf.getKeyManagers();
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException("cannot use the client certificate: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "ClientCertificate[" + subject + "]";
    }
}
