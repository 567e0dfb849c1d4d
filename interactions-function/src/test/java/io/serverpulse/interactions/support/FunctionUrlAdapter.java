package io.serverpulse.interactions.support;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a Lambda function URL does in front of a handler, on 127.0.0.1: the HTTP request becomes a
 * payload-format-2.0 event (JSON shaped like a real one, {@code lambda/function-url-event.json}, header
 * names lower-cased, read into {@link APIGatewayV2HTTPEvent} by Jackson as a runtime would), the handler's
 * response becomes the HTTP answer, a base64 body decoded. The body is sent base64-encoded on every other
 * request (and always when it is not UTF-8), so both forms a function URL or HTTP API uses reach the handler.
 */
public final class FunctionUrlAdapter implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final AtomicLong requests = new AtomicLong();
    private final ObjectNode template;
    private final java.util.List<Throwable> escaped = new java.util.concurrent.CopyOnWriteArrayList<>();

    public FunctionUrlAdapter(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
        this.handler = handler;
        try (InputStream in = FunctionUrlAdapter.class.getResourceAsStream("/lambda/function-url-event.json")) {
            template = (ObjectNode) MAPPER.readTree(in);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::exchange);
        server.setExecutor(threads);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Exceptions that escaped the handler (each answered 502, as Lambda would). */
    public java.util.List<Throwable> escaped() {
        return java.util.List.copyOf(escaped);
    }

    /** The event a function URL would send for this request. */
    public static APIGatewayV2HTTPEvent event(ObjectNode template, String method, java.util.Map<String, String> headers,
                                              byte[] body, boolean base64) {
        ObjectNode event = template.deepCopy();
        ObjectNode eventHeaders = event.putObject("headers");
        headers.forEach((name, value) -> eventHeaders.put(name.toLowerCase(Locale.ROOT), value));
        ((ObjectNode) event.path("requestContext").path("http")).put("method", method);
        event.put("body", base64 ? Base64.getEncoder().encodeToString(body) : new String(body, StandardCharsets.UTF_8));
        event.put("isBase64Encoded", base64);
        return MAPPER.convertValue(event, APIGatewayV2HTTPEvent.class);
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            java.util.Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
            // text goes as text on every other request; bytes that are not UTF-8 cannot travel as text at all
            boolean base64 = requests.incrementAndGet() % 2 == 0 || !utf8(body);
            APIGatewayV2HTTPEvent event = event(template, exchange.getRequestMethod(), headers, body, base64);
            APIGatewayV2HTTPResponse response;
            try {
                response = handler.handleRequest(event, null);
            } catch (RuntimeException e) {
                // Lambda reports a function error to a function URL client as 502
                escaped.add(e);
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            byte[] out = response.getBody() == null ? new byte[0] : response.getIsBase64Encoded()
                    ? Base64.getDecoder().decode(response.getBody()) : response.getBody().getBytes(StandardCharsets.UTF_8);
            if (response.getHeaders() != null) {
                response.getHeaders().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            }
            exchange.sendResponseHeaders(response.getStatusCode(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream stream = exchange.getResponseBody()) {
                    stream.write(out);
                }
            }
        }
    }

    private static boolean utf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(body));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
