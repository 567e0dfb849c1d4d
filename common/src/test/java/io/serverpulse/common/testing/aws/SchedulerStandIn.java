package io.serverpulse.common.testing.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP endpoint standing in for EventBridge Scheduler's REST API as the AWS SDK speaks it:
 * {@code POST /schedules/{name}} creates (409 {@code ConflictException} if it exists), {@code PUT} updates and
 * {@code DELETE /schedules/{name}?groupName=…} deletes (404 {@code ResourceNotFoundException} if missing). It keeps
 * the schedules by group and name, and records every request as received.
 */
public final class SchedulerStandIn implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Request(String method, String path, String query, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, JsonNode> schedules = new ConcurrentHashMap<>();

    public SchedulerStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Request> requests() {
        return requests;
    }

    /** The stored schedule {@code group/name}, as its last create or update body. */
    public JsonNode schedule(String group, String name) {
        return schedules.get(group + "/" + name);
    }

    public int size() {
        return schedules.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getQuery(), Map.copyOf(exchange.getRequestHeaders()), body);
        requests.add(request);
        String name = request.path().substring("/schedules/".length());
        switch (request.method()) {
            case "POST" -> {
                String key = request.json().path("GroupName").asText("default") + "/" + name;
                if (schedules.putIfAbsent(key, request.json()) != null) {
                    error(exchange, 409, "ConflictException", "Schedule " + name + " already exists.");
                } else {
                    answer(exchange, 200, "{\"ScheduleArn\":\"arn:aws:scheduler:eu-west-1:123456789012:schedule/" + key + "\"}");
                }
            }
            case "PUT" -> {
                String key = request.json().path("GroupName").asText("default") + "/" + name;
                if (schedules.replace(key, request.json()) == null) {
                    error(exchange, 404, "ResourceNotFoundException", "Schedule " + name + " does not exist.");
                } else {
                    answer(exchange, 200, "{\"ScheduleArn\":\"arn:aws:scheduler:eu-west-1:123456789012:schedule/" + key + "\"}");
                }
            }
            case "DELETE" -> {
                String group = queryParameter(request.query(), "groupName");
                if (schedules.remove(group + "/" + name) == null) {
                    error(exchange, 404, "ResourceNotFoundException", "Schedule " + name + " does not exist.");
                } else {
                    answer(exchange, 200, "{}");
                }
            }
            default -> error(exchange, 400, "ValidationException", "unsupported " + request.method());
        }
    }

    private static String queryParameter(String query, String name) {
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith(name + "=")) {
                    return pair.substring(name.length() + 1);
                }
            }
        }
        return "default";
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        exchange.getResponseHeaders().add("x-amzn-ErrorType", type);
        answer(exchange, status, "{\"Message\":\"" + message + "\"}");
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
