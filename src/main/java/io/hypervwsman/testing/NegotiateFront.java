package io.hypervwsman.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.hypervwsman.sim.NegotiateGateway;
import io.hypervwsman.sim.SoapBackend;
import io.hypervwsman.transport.auth.ntlm.internal.NtlmServerIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Negotiate authentication and WinRM message encryption a Windows host puts around WS-Management, in front of a
 * WireMock server that holds plaintext (decrypted) mappings: a client using NTLM with encryption talks to
 * {@link #endpoint()}, each request is authenticated and unsealed here, matched by WireMock as plain SOAP, and the
 * reply is sealed on the way back.
 *
 * <p>Why a front and not a WireMock request filter: NTLM authenticates a TCP connection, and the sealing state
 * (keys, sequence numbers) belongs to that connection. WireMock's extension points see a {@code Request} that
 * carries no connection identity (no client port), so a filter could not tell two kept-alive connections apart, and
 * a client with a connection pool would get replies sealed for the wrong session. This front owns the connections,
 * so each has its own session, exactly as on Windows; WireMock stays a plain WireMock with the user's own options.
 */
public final class NegotiateFront implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NegotiateFront.class);
    private static final NtlmServerIdentity IDENTITY =
            new NtlmServerIdentity("LAB", "HV01", "lab.example", "HV01.lab.example");
    private static final int MAX_LOGGED = 4000;

    private final NegotiateGateway gateway;
    private final char[] password;

    private NegotiateFront(URI backend, String user, char[] password) {
        int slash = user.indexOf('\\');
        if (slash <= 0) {
            throw new IllegalArgumentException("the user must be DOMAIN\\name, not " + user);
        }
        String domain = user.substring(0, slash);
        String name = user.substring(slash + 1);
        this.password = password.clone();
        try {
            this.gateway = NegotiateGateway.builder((d, u) -> domain.equalsIgnoreCase(d) && name.equalsIgnoreCase(u)
                    ? Optional.of(this.password.clone()) : Optional.empty(), IDENTITY, forwardTo(backend)).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Negotiate front: " + e.getMessage(), e);
        }
    }

    /** A front on a free 127.0.0.1 port for a started WireMock server; it accepts {@code user} (DOMAIN\name). */
    public static NegotiateFront inFrontOf(WireMockServer wireMock, String user, char[] password) {
        if (!wireMock.isRunning()) {
            throw new IllegalStateException("start the WireMock server before putting a front in front of it");
        }
        return inFrontOf(URI.create("http://127.0.0.1:" + wireMock.port() + "/wsman"), user, password);
    }

    /** A front for any plaintext SOAP endpoint (e.g. WireMock on another host or a recorded-stub server). */
    public static NegotiateFront inFrontOf(URI plaintextEndpoint, String user, char[] password) {
        return new NegotiateFront(plaintextEndpoint, user, password);
    }

    /**
     * Also accepts Kerberos (SPNEGO or raw, with message encryption) for {@code servicePrincipal}, whose key is in
     * {@code keytab}: for a test that runs a KDC and wants its client to use Kerberos against the replay.
     */
    public NegotiateFront acceptKerberos(java.nio.file.Path keytab, String servicePrincipal) {
        gateway.acceptKerberos(keytab, servicePrincipal);
        return this;
    }

    /** The endpoint clients use: {@code http://127.0.0.1:PORT/wsman}. */
    public URI endpoint() {
        return gateway.endpoint();
    }

    /** How many NTLM or Kerberos handshakes completed (one per client connection). */
    public int completedHandshakes() {
        return gateway.completedHandshakes();
    }

    private static SoapBackend forwardTo(URI backend) {
        HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
        return envelope -> {
            try {
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(backend)
                        .header("Content-Type", "application/soap+xml;charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(envelope)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                String type = r.headers().firstValue("Content-Type").orElse(null);
                if (r.statusCode() == 404 && (type == null || !type.toLowerCase(Locale.ROOT).contains("soap"))) {
                    // WireMock's "Request was not matched" report: the plaintext request and the nearest mapping.
                    String report = new String(r.body(), StandardCharsets.UTF_8);
                    LOG.warn("no mapping matches this request:\n{}",
                            report.length() > MAX_LOGGED ? report.substring(0, MAX_LOGGED) + "..." : report);
                }
                return new SoapBackend.Reply(r.statusCode(), type, r.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        };
    }

    @Override
    public void close() {
        gateway.close();
        Arrays.fill(password, '\0');
    }
}
