package io.serverpulse.common.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.serverpulse.common.ai.AiProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A local stand-in for one AI provider's API (JDK HttpServer on loopback): it answers the
 * documented route of its protocol ({@code POST /v1/chat/completions}, {@code POST
 * /v1beta/models/{model}:generateContent}, {@code POST /v1/messages}) with scripted replies built from
 * the JSON fixtures under {@code src/test/resources/ai/<protocol>/}, and records every request it
 * received (path, headers, body) for the tests to inspect. When the script runs out it repeats the
 * last reply.
 */
public final class FakeAiServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One scripted answer. */
    public record Reply(int status, Map<String, String> headers, String body) {

        /** The protocol's success fixture, with {@code text} as the answer when not null. */
        public static Reply success(AiProvider.Protocol protocol, String text) {
            ObjectNode body = (ObjectNode) json(FakeAiServer.fixture(protocol, "success.json"));
            if (text != null) {
                switch (protocol) {
                    case OPENAI_CHAT -> ((ObjectNode) body.path("choices").path(0).path("message")).put("content", text);
                    case GEMINI -> ((ObjectNode) body.path("candidates").path(0).path("content").path("parts").path(0))
                            .put("text", text);
                    case ANTHROPIC -> ((ObjectNode) body.path("content").path(0)).put("text", text);
                }
            }
            return new Reply(200, Map.of(), body.toString());
        }

        /** A fixture as the body of a reply with {@code status}. */
        public static Reply fixture(AiProvider.Protocol protocol, String name, int status) {
            return new Reply(status, Map.of(), FakeAiServer.fixture(protocol, name));
        }

        /** The protocol's 429 fixture with {@code Retry-After: seconds} (no header when negative). */
        public static Reply rateLimited(AiProvider.Protocol protocol, int seconds) {
            return new Reply(429, seconds < 0 ? Map.of() : Map.of("Retry-After", Integer.toString(seconds)),
                    FakeAiServer.fixture(protocol, "rate-limited.json"));
        }

        public static Reply serverError(AiProvider.Protocol protocol) {
            return new Reply(500, Map.of(), FakeAiServer.fixture(protocol, "server-error.json"));
        }

        /** A 200 whose body is cut off mid-JSON. */
        public static Reply malformed(AiProvider.Protocol protocol) {
            return new Reply(200, Map.of(), FakeAiServer.fixture(protocol, "malformed.txt"));
        }
    }

    /** One request as the fake received it; header names in lower case. */
    public record Received(String method, String path, Map<String, String> headers, String body) {
        public JsonNode json() {
            return FakeAiServer.json(body);
        }
    }

    private final AiProvider.Protocol protocol;
    private final HttpServer server;
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private Reply last;

    private FakeAiServer(AiProvider.Protocol protocol) throws IOException {
        this.protocol = protocol;
        this.last = Reply.success(protocol, null);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "fake-ai-" + protocol.name().toLowerCase(Locale.ROOT));
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** A fake answering every request with the protocol's success fixture until scripted otherwise. */
    public static FakeAiServer start(AiProvider.Protocol protocol) {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            return new FakeAiServer(protocol);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL to configure for a provider of this protocol ({@code …/v1/} or {@code …/v1beta/}). */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + (protocol == AiProvider.Protocol.GEMINI ? "/v1beta/" : "/v1/");
    }

    /** Queues replies, answered in order. */
    public synchronized FakeAiServer then(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    public List<Received> requests() {
        return new ArrayList<>(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            String path = exchange.getRequestURI().getRawPath();
            received.add(new Received(exchange.getRequestMethod(), path, headers, body));
            Reply reply = routeMatches(exchange.getRequestMethod(), path) ? next()
                    : new Reply(404, Map.of(), "{\"error\":{\"message\":\"Not found: " + path + "\"}}");
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private boolean routeMatches(String method, String path) {
        if (!method.equals("POST")) {
            return false;
        }
        return switch (protocol) {
            case OPENAI_CHAT -> path.equals("/v1/chat/completions");
            case GEMINI -> path.matches("/v1beta/models/[^/]+:generateContent");
            case ANTHROPIC -> path.equals("/v1/messages");
        };
    }

    private synchronized Reply next() {
        Reply reply = script.pollFirst();
        if (reply != null) {
            last = reply;
        }
        return last;
    }

    static String fixture(AiProvider.Protocol protocol, String name) {
        String folder = switch (protocol) {
            case OPENAI_CHAT -> "openai";
            case GEMINI -> "gemini";
            case ANTHROPIC -> "anthropic";
        };
        try (InputStream in = FakeAiServer.class.getResourceAsStream("/ai/" + folder + "/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture ai/" + folder + "/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
