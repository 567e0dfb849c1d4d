package io.serverpulse.emulator.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.serverpulse.common.crypto.SignatureVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A tiny interactions endpoint on the JDK's HTTP server, as a bot would write one: verify the
 * signature over the raw body before parsing anything, 401 on failure, PONG to a PING, and for other
 * interactions whatever the test's handler answers.
 */
public final class TinyInteractionsEndpoint implements AutoCloseable {

    static {
        // without it every keep-alive request waits ~40 ms for Nagle's algorithm (see docs/ARCHITECTURE.md, "Answer")
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** What the endpoint answers to a verified, non-PING interaction. */
    public record Answer(int status, String contentType, String body) {
        public static Answer json(String body) {
            return new Answer(200, "application/json", body);
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final SignatureVerifier verifier;
    private final Function<JsonNode, Answer> handler;
    private final List<String> received = new CopyOnWriteArrayList<>();

    public TinyInteractionsEndpoint(SignatureVerifier verifier, Function<JsonNode, Answer> handler) throws IOException {
        this.verifier = verifier;
        this.handler = handler;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/interactions", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/interactions");
    }

    /** The bodies that passed verification, in order. */
    public List<String> verifiedBodies() {
        return received;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw;
            try (InputStream in = exchange.getRequestBody()) {
                raw = in.readAllBytes();
            }
            String signature = exchange.getRequestHeaders().getFirst("X-Signature-Ed25519");
            String timestamp = exchange.getRequestHeaders().getFirst("X-Signature-Timestamp");
            if (!verifier.verify(signature, timestamp, raw)) {
                respond(exchange, new Answer(401, "text/plain", "invalid request signature"));
                return;
            }
            received.add(new String(raw, StandardCharsets.UTF_8));
            JsonNode interaction = MAPPER.readTree(raw);
            if (interaction.path("type").asInt() == 1) {
                respond(exchange, Answer.json("{\"type\":1}"));
            } else {
                respond(exchange, handler.apply(interaction));
            }
        }
    }

    private static void respond(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        if (answer.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        }
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
