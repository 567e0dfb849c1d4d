package io.serverpulse.common.testing.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP endpoint standing in for an AWS service that speaks the AWS JSON protocol (SQS since
 * the SDK's 2.21 releases, SSM): every request is {@code POST /} with the operation in
 * {@code X-Amz-Target} ({@code AmazonSQS.SendMessage}) and its input as a JSON body. It records every
 * request exactly as received (headers, body) for the tests to assert, and answers as the service
 * answers: a JSON body, or an error {@code {"__type": …, "message": …}} with status 400.
 */
public abstract class AwsJsonStandIn implements AutoCloseable {

    protected static final ObjectMapper JSON = new ObjectMapper();

    /** One request as received. */
    public record Request(String method, String path, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        /** The operation, e.g. {@code SendMessage}. */
        public String operation() {
            String target = header("X-Amz-Target");
            return target == null ? "" : target.substring(target.indexOf('.') + 1);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** An error answer: the service's error code (as in {@code __type}) and message. */
    public static final class ServiceError extends RuntimeException {
        private final int status;
        private final String type;

        public ServiceError(int status, String type, String message) {
            super(message);
            this.status = status;
            this.type = type;
        }
    }

    private final String targetPrefix;
    private final String contentType;
    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<ServiceError> injected = new ArrayDeque<>();

    /**
     * @param targetPrefix the service's target prefix, e.g. {@code AmazonSQS}
     * @param contentType the protocol's content type, e.g. {@code application/x-amz-json-1.0}
     */
    protected AwsJsonStandIn(String targetPrefix, String contentType) {
        this.targetPrefix = targetPrefix + ".";
        this.contentType = contentType;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::exchange);
        server.start();
    }

    /** Answers one operation; throws {@link ServiceError} for an error answer. */
    protected abstract JsonNode handle(String operation, JsonNode input);

    private void exchange(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                Map.copyOf(exchange.getRequestHeaders()), body);
        requests.add(request);
        int status = 200;
        JsonNode answer;
        try {
            String target = request.header("X-Amz-Target");
            if (target == null || !target.startsWith(targetPrefix) || !"POST".equals(request.method())) {
                throw new ServiceError(400, "UnknownOperationException", "expected POST with X-Amz-Target: " + targetPrefix + "…");
            }
            ServiceError next;
            synchronized (injected) {
                next = injected.poll();
            }
            if (next != null) {
                throw next;
            }
            synchronized (this) {
                answer = handle(request.operation(), request.json());
            }
        } catch (ServiceError e) {
            status = e.status;
            ObjectNode error = JSON.createObjectNode();
            error.put("__type", e.type);
            error.put("message", e.getMessage());
            answer = error;
        }
        byte[] out = JSON.writeValueAsBytes(answer);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.getResponseHeaders().add("x-amzn-RequestId", "standin-" + requests.size());
        exchange.sendResponseHeaders(status, out.length);
        exchange.getResponseBody().write(out);
        exchange.close();
    }

    /** The next request is answered with this error instead (e.g. 400 AccessDeniedException, or a 500). */
    public void failNext(int status, String type, String message) {
        synchronized (injected) {
            injected.add(new ServiceError(status, type, message));
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every request received, in order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests of one operation, in order. */
    public List<Request> requests(String operation) {
        return requests.stream().filter(r -> r.operation().equals(operation)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
