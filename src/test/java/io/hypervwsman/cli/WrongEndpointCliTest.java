package io.hypervwsman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A URL that is not a WinRM endpoint (a path typo answered 404 by a web server, a server that does not take POST:
 * 405, 501) is exit 4 with a hint about the /wsman path and the port, never exit 3 "check the user and password".
 */
class WrongEndpointCliTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {404, 405, 501})
    void aPlainWebServerIsNotAnAuthenticationFailure(int status) throws IOException {
        HttpServer web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        web.createContext("/", exchange -> {
            byte[] page = ("<html><body><h1>" + status + "</h1></body></html>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(status, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        web.start();
        try {
            Path password = PrivateFile.write(dir.resolve("pw"), "Pa55word\n");
            String url = "http://127.0.0.1:" + web.getAddress().getPort() + "/wsmn";
            for (String auth : new String[] {"negotiate", "ntlm"}) {
                CliRun r = CliRun.exactly("revert-failover", "--vm", "web-frontend-01", "--host", url, "--auth", auth,
                        "--user", "LAB\\operator", "--password-file", password.toString());
                assertEquals(4, r.exitCode(), r::describe);
                assertTrue(r.err().contains("HTTP " + status), r.err());
                assertTrue(r.err().contains("hint: " + FailureHints.NOT_WINRM), r.err());
                assertFalse(r.err().contains("password"), "not an authentication hint: " + r.err());
            }
            CliRun json = CliRun.exactly("vms", "--host", url, "--user", "LAB\\operator", "--password-file",
                    password.toString(), "--output", "json");
            JsonNode j = json.json();
            assertEquals(4, j.get("exitCode").asInt());
            assertTrue(j.get("hint").asText().contains("/wsman"), j.toString());
        } finally {
            web.stop(0);
        }
    }
}
