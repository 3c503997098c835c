package io.hypervwsman.wsman;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.hypervwsman.transport.AuthMode;
import io.hypervwsman.transport.ConnectionOptions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** A WireMock server on 127.0.0.1 serving one case directory of test-fixtures/wsman. */
final class FixtureHost implements AutoCloseable {
    private final WireMockServer server;

    FixtureHost(String fixtureCase) {
        Path dir = fixtureRoot().resolve("wsman").resolve(fixtureCase);
        if (!Files.isDirectory(dir.resolve("mappings"))) {
            throw new IllegalArgumentException("no fixture case " + dir);
        }
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .usingFilesUnderDirectory(dir.toString()));
        server.start();
    }

    static Path fixtureRoot() {
        Path p = Paths.get("test-fixtures").toAbsolutePath();
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("test-fixtures not found from " + Paths.get("").toAbsolutePath());
        }
        return p;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port() + "/wsman");
    }

    ConnectionOptions.Builder optionsBuilder() {
        return ConnectionOptions.builder(endpoint()).auth(AuthMode.NONE, null);
    }

    WsManClient client() {
        return WsManClient.connect(optionsBuilder().build());
    }

    WireMockServer server() {
        return server;
    }

    @Override
    public void close() {
        server.stop();
    }
}
