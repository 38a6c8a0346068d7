package io.photosync.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A loopback HTTP(S) server that hands every request to one function. */
final class SimServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimServer.class);

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, each answer
        // waits for the client's delayed ACK (about 40 ms), which would swamp the simulated latency.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final String scheme;

    private SimServer(HttpServer server, String scheme, Function<SimRequest, SimResponse> handler) {
        this.server = server;
        this.scheme = scheme;
        this.threads = Executors.newFixedThreadPool(32, r -> {
            Thread thread = new Thread(r, "simulated-tenant-" + scheme);
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", exchange -> serve(exchange, handler));
        server.start();
    }

    static SimServer https(int port, SSLContext tls, Function<SimRequest, SimResponse> handler) {
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            return new SimServer(server, "https", handler);
        } catch (IOException e) {
            throw new IllegalStateException("the simulated tenant cannot listen on port " + port + ": " + e.getMessage(), e);
        }
    }

    static SimServer http(int port, Function<SimRequest, SimResponse> handler) {
        try {
            return new SimServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128), "http", handler);
        } catch (IOException e) {
            throw new IllegalStateException("the simulated Bot Connector cannot listen on port " + port + ": " + e.getMessage(), e);
        }
    }

    /** The base URL, e.g. {@code https://localhost:9443}. */
    String baseUrl() {
        String host = "https".equals(scheme) ? "localhost" : "127.0.0.1";
        return scheme + "://" + host + ":" + server.getAddress().getPort();
    }

    private static void serve(HttpExchange exchange, Function<SimRequest, SimResponse> handler) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
            SimRequest request = SimRequest.of(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), headers, in.readAllBytes());
            SimResponse response;
            try {
                response = handler.apply(request);
            } catch (RuntimeException e) {
                log.error("simulated tenant failed on {} {}", request.method(), request.path(), e);
                response = SimResponse.empty(500);
            }
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            if (response.contentType() != null) {
                exchange.getResponseHeaders().set("Content-Type", response.contentType());
            }
            long length = response.body().length == 0 ? -1 : response.body().length;
            exchange.sendResponseHeaders(response.status(), length);
            if (length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
