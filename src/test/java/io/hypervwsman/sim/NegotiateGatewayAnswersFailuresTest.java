package io.hypervwsman.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hypervwsman.transport.AuthMode;
import io.hypervwsman.transport.ConnectionOptions;
import io.hypervwsman.transport.Credentials;
import io.hypervwsman.transport.HttpServerErrorException;
import io.hypervwsman.transport.Transport;
import io.hypervwsman.transport.Transports;
import io.hypervwsman.transport.auth.ntlm.internal.NegotiateFlag;
import io.hypervwsman.transport.auth.ntlm.internal.NegotiateFlags;
import io.hypervwsman.transport.auth.ntlm.internal.NegotiateMessage;
import io.hypervwsman.transport.auth.ntlm.internal.NtlmServerIdentity;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The gateway answers requests it refuses or fails on, instead of closing the connection without a
 * response (which clients such as pywinrm report as a connection error, not as refused credentials).
 */
class NegotiateGatewayAnswersFailuresTest {
    private static final String PASSWORD = "Gateway-Pa55word!";

    @Test
    void negotiateWithoutSealingIsAnsweredWithAFreshChallenge() throws IOException, InterruptedException {
        try (NegotiateGateway gateway = gateway(envelope -> new SoapBackend.Reply(200, "application/soap+xml", envelope))) {
            byte[] withoutSeal = new NegotiateMessage(NegotiateFlags.of(NegotiateFlag.UNICODE, NegotiateFlag.NTLM,
                    NegotiateFlag.SIGN), "", "", null).toBytes();
            HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(gateway.endpoint())
                    .header("Authorization", "Negotiate " + Base64.getEncoder().encodeToString(withoutSeal))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());

            assertEquals(401, response.statusCode());
            assertEquals(List.of("Negotiate"), response.headers().allValues("WWW-Authenticate"));
            assertEquals(0, gateway.completedHandshakes());
        }
    }

    @Test
    void backendFailureIsAnsweredWithHttp500() throws IOException {
        try (NegotiateGateway gateway = gateway(envelope -> {
                throw new IllegalStateException("backend broke");
            });
             Transport transport = Transports.open(ConnectionOptions.builder(gateway.endpoint())
                     .auth(AuthMode.NTLM, new Credentials("LAB\\operator", PASSWORD.toCharArray())).build())) {
            HttpServerErrorException failure = assertThrows(HttpServerErrorException.class,
                    () -> transport.exchange("<s:Envelope/>".getBytes(StandardCharsets.UTF_8)));

            assertEquals(500, failure.status());
            assertEquals(1, gateway.completedHandshakes());
        }
    }

    private static NegotiateGateway gateway(SoapBackend backend) throws IOException {
        return NegotiateGateway.builder((domain, user) -> "operator".equalsIgnoreCase(user)
                ? Optional.of(PASSWORD.toCharArray()) : Optional.empty(),
                new NtlmServerIdentity("LAB", "HV01", "lab.example", "HV01.lab.example"), backend).start();
    }
}
