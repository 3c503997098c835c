package io.hypervwsman.transport;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/**
 * A TLS 1.3 host that refuses a client certificate may hang up without sending its alert (the JDK's HttpsServer, which
 * the simulated host runs on, does): the client's first request then meets a connection closed before any reply, and
 * that is reported as the refused certificate, as the alert, a reset or a broken pipe are. Before this, about one run
 * in four of ClientCertificateAuthCliTest's untrusted-certificate case said "the target server failed to respond".
 */
class CertificateRefusedByHangUpTest {
    private static final char[] STORE_PASSWORD = "changeit".toCharArray();

    private static Path tls(String file) throws Exception {
        return Path.of(CertificateRefusedByHangUpTest.class.getResource("/tls/" + file).toURI());
    }

    private static SSLContext serverTls() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(tls("server.p12"))) {
            ks.load(in, STORE_PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, STORE_PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }

    @Test
    void aHangUpBeforeTheFirstReplyIsTheRefusedCertificate() throws Exception {
        try (SSLServerSocket server = (SSLServerSocket) serverTls().getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // Reads the whole request (so closing sends FIN, not a reset), then closes without a word: no alert, no reply.
            CompletableFuture<String> hungUp = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket s = (SSLSocket) server.accept()) {
                    s.startHandshake();
                    StringBuilder head = new StringBuilder();
                    InputStream in = s.getInputStream();
                    while (!head.toString().endsWith("\r\n\r\n<x/>")) {
                        head.append((char) in.read());
                    }
                    return head.toString();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            ConnectionOptions options = ConnectionOptions.builder(
                    java.net.URI.create("https://127.0.0.1:" + server.getLocalPort() + "/wsman"))
                    .caFile(tls("ca.pem"))
                    .clientCertificate(ClientCertificate.fromPkcs12(tls("other-client.p12"), STORE_PASSWORD.clone()))
                    .auth(AuthMode.CERTIFICATE, null).build();
            try (HttpTransport transport = new HttpTransport(options)) {
                ConnectionException e = assertThrows(ConnectionException.class, () -> transport.post(
                        "<x/>".getBytes(StandardCharsets.UTF_8), "application/soap+xml;charset=UTF-8",
                        java.util.List.of(), org.apache.hc.client5.http.protocol.HttpClientContext.create()));
                assertTrue(e.getMessage().contains("it does not accept the client certificate CN=operator"),
                        e.getMessage());
            }
            assertTrue(hungUp.get(10, TimeUnit.SECONDS).startsWith("POST /wsman"), "the request reached the host");
        }
    }
}
