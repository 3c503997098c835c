package io.hypervwsman.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * A recording replayed: WireMock on 127.0.0.1 serving a recorded directory (mappings/, __files/), behind a
 * {@link NegotiateFront} that requires NTLM and message encryption. What {@link WinRmReplay} starts; usable directly
 * when the directory is only known at run time.
 */
public final class WinRmReplayServer implements AutoCloseable {
    private final WireMockServer wireMock;
    private final NegotiateFront front;
    private final String user;
    private final char[] password;

    private WinRmReplayServer(WireMockServer wireMock, NegotiateFront front, String user, char[] password) {
        this.wireMock = wireMock;
        this.front = front;
        this.user = user;
        this.password = password;
    }

    /** Serves {@code recording} and accepts {@code user} (DOMAIN\name) with a random password. */
    public static WinRmReplayServer start(Path recording, String user) {
        if (!Files.isDirectory(recording.resolve("mappings"))) {
            throw new IllegalArgumentException(recording.toAbsolutePath() + " holds no recording (no mappings/)");
        }
        WireMockServer wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .usingFilesUnderDirectory(recording.toAbsolutePath().toString()));
        wireMock.start();
        char[] password = randomPassword();
        try {
            return new WinRmReplayServer(wireMock, NegotiateFront.inFrontOf(wireMock, user, password), user, password);
        } catch (RuntimeException e) {
            wireMock.stop();
            throw e;
        }
    }

    static char[] randomPassword() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getEncoder().encodeToString(random).toCharArray();
    }

    /** Also accepts Kerberos for {@code servicePrincipal} (key in {@code keytab}); see {@link NegotiateFront}. */
    public WinRmReplayServer acceptKerberos(Path keytab, String servicePrincipal) {
        front.acceptKerberos(keytab, servicePrincipal);
        return this;
    }

    /** How many NTLM or Kerberos handshakes the front completed. */
    public int completedHandshakes() {
        return front.completedHandshakes();
    }

    /** The endpoint and credentials a client uses. */
    public WinRmEndpoint endpoint() {
        return new WinRmEndpoint(front.endpoint(), user, password);
    }

    /** The front's endpoint URL. */
    public URI uri() {
        return front.endpoint();
    }

    /** Back to the first recorded reply of every repeated request (a job polled several times). */
    public void restart() {
        wireMock.resetScenarios();
        wireMock.resetRequests();
    }

    /** How many requests matched no mapping since the start or the last {@link #restart()}. */
    public int unmatchedRequests() {
        return wireMock.findAllUnmatchedRequests().size();
    }

    /** The WireMock server, for verifying requests or adding stubs. */
    public WireMockServer wireMock() {
        return wireMock;
    }

    @Override
    public void close() {
        try {
            front.close();
        } finally {
            wireMock.stop();
            Arrays.fill(password, '\0');
        }
    }
}
