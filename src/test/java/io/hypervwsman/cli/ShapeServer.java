package io.hypervwsman.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WireMock on 127.0.0.1 over HTTPS (the test CA's server certificate) demanding Basic authentication, answering the
 * requests of one CLI run with files of test-fixtures/windows-shapes in the order given: HTTP 500 for a SOAP fault,
 * 200 otherwise. The files are served as they are except the UUID in a:RelatesTo, which becomes the request's
 * MessageID (the CLI makes random ones), so a reply relates to the request it answers.
 */
final class ShapeServer implements AutoCloseable {
    static final String USER = "LAB\\operator";
    static final String PASSWORD = "Shape-Pa55word!";
    private static final Path DIR = Path.of("test-fixtures", "windows-shapes");

    private final WireMockServer server;

    ShapeServer(String... files) {
        server = new WireMockServer(options().bindAddress("127.0.0.1").httpDisabled(true).dynamicHttpsPort()
                .keystorePath(resource("/tls/server.p12").toString()).keystoreType("PKCS12")
                .keystorePassword("changeit").keyManagerPassword("changeit")
                .extensions(new RelatesToTheRequest()));
        server.start();
        // A request without the right Basic credentials is refused as WinRM refuses it.
        server.stubFor(post(urlEqualTo("/wsman")).atPriority(10).willReturn(aResponse().withStatus(401)
                .withHeader("WWW-Authenticate", "Basic realm=\"WSMAN\"")));
        for (int i = 0; i < files.length; i++) {
            String reply = read(files[i]);
            server.stubFor(post(urlEqualTo("/wsman")).atPriority(1).withBasicAuth(USER, PASSWORD)
                    .inScenario("run").whenScenarioStateIs(i == 0 ? Scenario.STARTED : "reply-" + i)
                    .willSetStateTo("reply-" + (i + 1))
                    .willReturn(aResponse().withStatus(reply.contains(":Fault>") ? 500 : 200)
                            .withHeader("Content-Type", "application/soap+xml;charset=UTF-8")
                            .withBody(reply).withTransformers(RelatesToTheRequest.NAME)));
        }
    }

    static String read(String file) {
        try {
            return Files.readString(DIR.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path resource(String name) {
        try {
            return Path.of(ShapeServer.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    URI endpoint() {
        return URI.create("https://127.0.0.1:" + server.httpsPort() + "/wsman");
    }

    /** The request bodies the server received that carried the credentials, in order. */
    List<String> requests() {
        return server.findAll(postRequestedFor(urlEqualTo("/wsman"))).stream()
                .filter(r -> r.containsHeader("Authorization")).map(LoggedRequest::getBodyAsString).toList();
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Puts the request's MessageID into the reply's a:RelatesTo (any case, as Windows may write it). */
    static final class RelatesToTheRequest implements ResponseTransformerV2 {
        static final String NAME = "relates-to-the-request";
        private static final Pattern MESSAGE_ID = Pattern.compile("MessageID>(uuid:[0-9A-Fa-f-]{36})<");
        private static final Pattern RELATES_TO = Pattern.compile("(RelatesTo>)uuid:[0-9A-Fa-f-]{36}(<)");

        @Override
        public Response transform(Response response, ServeEvent serveEvent) {
            Matcher id = MESSAGE_ID.matcher(serveEvent.getRequest().getBodyAsString());
            if (!id.find()) {
                return response;
            }
            String body = RELATES_TO.matcher(response.getBodyAsString()).replaceFirst("$1" + id.group(1) + "$2");
            return Response.Builder.like(response).but().body(body).build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }
}
