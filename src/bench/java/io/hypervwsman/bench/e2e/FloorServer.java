package io.hypervwsman.bench.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The floor's server: the same JDK HTTP server the simulated host runs on, answering every POST with a fixed
 * body of the encrypted reply's size after reading the request. No SOAP, no crypto.
 */
final class FloorServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;

    FloorServer(byte[] replyBody, String replyType) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "floor-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/wsman", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            exchange.getResponseHeaders().add("Content-Type", replyType);
            exchange.sendResponseHeaders(200, replyBody.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(replyBody);
            }
            exchange.close();
        });
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/wsman");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
