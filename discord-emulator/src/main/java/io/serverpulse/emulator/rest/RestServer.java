package io.serverpulse.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.serverpulse.emulator.ratelimit.RateLimitDecision;
import io.serverpulse.emulator.ratelimit.RateLimiter;
import io.serverpulse.emulator.state.EmulatorState;
import io.serverpulse.emulator.state.Json;
import io.serverpulse.emulator.state.RequestLog;
import io.serverpulse.emulator.state.StoredAttachment;
import io.serverpulse.emulator.state.StoredMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The REST API v10 on 127.0.0.1 (JDK HTTP server, Nagle off). Every request goes through one
 * pipeline: route match (404/405), bot token (401), rate limit (429), body parsing (JSON or
 * multipart; 400 50109 on bad JSON), body validators (by default Discord's OpenAPI spec and the bot
 * message limits: 400 50035), then the route's handler.
 * Every answer carries the rate-limit headers and {@code Via} (Discord's answers come through
 * Google's front end, which is how clients tell a bucket 429 from a Cloudflare ban).
 * Attachments are served back under {@code /attachments/...}.
 */
public final class RestServer {

    static {
        // must be set before the JDK HTTP server reads its configuration: with Nagle's algorithm on,
        // every keep-alive answer waits ~40 ms for the client's delayed ACK
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);
    private static final String API_PREFIX = "/api/v10";
    private static final int MAX_BODY = 25 * 1024 * 1024;

    private final EmulatorState state;
    private final RateLimiter rateLimiter;
    private final List<RequestBodyValidator> validators;
    private final List<Route> routes;
    private HttpServer server;
    private ExecutorService executor;

    public RestServer(EmulatorState state, RateLimiter rateLimiter, List<RequestBodyValidator> validators, List<Route> routes) {
        this.state = state;
        this.rateLimiter = rateLimiter;
        this.validators = List.copyOf(validators);
        this.routes = List.copyOf(routes);
    }

    /** The standard routes of the emulator, in match order. */
    public static List<Route> standardRoutes(EmulatorState state, io.serverpulse.emulator.gateway.GatewayHub hub,
                                             java.util.function.Supplier<String> gatewayUrl,
                                             java.util.function.IntSupplier recommendedShards) {
        MessageComposer composer = new MessageComposer(state);
        MessageEvents events = new MessageEvents(state, hub);
        List<Route> all = new ArrayList<>();
        all.addAll(new SelfRoutes(state, gatewayUrl, recommendedShards).routes());
        all.addAll(new ChannelRoutes(state, composer, events).routes());
        all.addAll(new GuildRoutes(state, hub).routes());
        all.addAll(new CommandRoutes(state).routes());
        all.addAll(new InteractionRoutes(state, composer, events).routes());
        return all;
    }

    public void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "rest-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        state.cdnBaseUrl("http://127.0.0.1:" + port() + "/");
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT/api/v10/} — what a client's REST base URL should be. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + API_PREFIX + "/";
    }

    public void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String rawPath = exchange.getRequestURI().getRawPath();
            if (rawPath.startsWith("/attachments/") && method.equals("GET")) {
                send(exchange, attachment(rawPath), Map.of());
                return;
            }
            if (!rawPath.startsWith(API_PREFIX + "/")) {
                send(exchange, RestResponse.error(ErrorBody.notFound()), Map.of());
                return;
            }
            String path = rawPath.substring(API_PREFIX.length());
            if (path.length() > 1 && path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            Route route = null;
            Map<String, String> params = null;
            boolean otherMethod = false;
            for (Route candidate : routes) {
                Map<String, String> match = candidate.match(path);
                if (match != null) {
                    if (candidate.method().equals(method)) {
                        route = candidate;
                        params = decode(match);
                        break;
                    }
                    otherMethod = true;
                }
            }
            if (route == null) {
                RestResponse response = RestResponse.error(otherMethod ? ErrorBody.methodNotAllowed() : ErrorBody.notFound());
                log(method, path, "-", response.status());
                send(exchange, response, Map.of());
                return;
            }
            RateLimitDecision decision = null;
            RestResponse response;
            if (route.authorized() && !state.application().acceptsAuthorization(exchange.getRequestHeaders().getFirst("Authorization"))) {
                response = RestResponse.error(ErrorBody.unauthorized());
            } else {
                decision = rateLimiter.acquire(route.key(), route.bucketHash(), route.major(params));
                response = decision.limited() ? rateLimited(decision) : process(exchange, method, path, route, params);
            }
            // logged before answering: a client that has its answer must find the request in the log
            log(method, path, route.key(), response.status());
            send(exchange, response, decision == null ? Map.of() : decision.headers());
        } catch (RuntimeException e) {
            LOG.error("REST request failed: {}", e.toString(), e);
        }
    }

    private RestResponse process(HttpExchange exchange, String method, String path, Route route, Map<String, String> params) {
        try {
            byte[] body = readBody(exchange);
            String contentType = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
            JsonNode json = MissingNode.getInstance();
            List<MultipartParser.Part> files = new ArrayList<>();
            boolean multipart = contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
            if (multipart) {
                json = Json.object();
                for (MultipartParser.Part part : MultipartParser.parse(contentType, body)) {
                    if (part.name().equals("payload_json")) {
                        json = parseJson(part.bytes());
                    } else if (part.filename() != null || part.name().startsWith("file")) {
                        files.add(part);
                    }
                }
            } else if (body.length > 0) {
                json = parseJson(body);
            }
            if (!method.equals("GET") && !method.equals("DELETE")) {
                for (RequestBodyValidator validator : validators) {
                    Optional<ErrorBody> error = multipart ? validator.validateMultipart(method, path, json)
                            : validator.validate(method, path, json);
                    if (error.isPresent()) {
                        return RestResponse.error(error.get());
                    }
                }
            }
            if (json.isMissingNode()) {
                json = Json.object();
            }
            RestRequest request = new RestRequest(method, path, params, query(exchange.getRequestURI().getRawQuery()), json, files);
            return route.handler().handle(request);
        } catch (DiscordException e) {
            return RestResponse.error(e.error());
        } catch (MultipartParser.MalformedMultipartException e) {
            ObjectNode errors = Json.object();
            FormErrors.add(errors, "", "MULTIPART_INVALID", "The multipart/form-data body is malformed");
            return RestResponse.error(ErrorBody.invalidFormBody(errors));
        } catch (BodyTooLargeException e) {
            return RestResponse.error(ErrorBody.of(413, 40005, "Request entity too large"));
        } catch (NumberFormatException e) {
            ObjectNode errors = Json.object();
            FormErrors.add(errors, "", "NUMBER_TYPE_COERCE", "Value is not a valid number: " + e.getMessage());
            return RestResponse.error(ErrorBody.invalidFormBody(errors));
        } catch (IOException e) {
            return RestResponse.error(ErrorBody.invalidJson());
        } catch (RuntimeException e) {
            LOG.error("route {} failed", route.key(), e);
            return RestResponse.error(ErrorBody.of(500, 0, "500: Internal Server Error"));
        }
    }

    private static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new BodyTooLargeException();
            }
            return bytes;
        }
    }

    private static JsonNode parseJson(byte[] bytes) throws IOException {
        JsonNode node = Json.parse(bytes);
        if (node == null || node.isMissingNode()) {
            return Json.object();
        }
        return node;
    }

    private static RestResponse rateLimited(RateLimitDecision decision) {
        ObjectNode body = Json.object();
        body.put("message", "You are being rate limited.");
        body.put("retry_after", Math.round(decision.retryAfterSeconds() * 1000) / 1000.0);
        body.put("global", decision.global());
        if (!decision.global()) {
            body.put("code", 0);
        }
        return RestResponse.json(429, body);
    }

    private RestResponse attachment(String rawPath) {
        String[] parts = rawPath.split("/");
        if (parts.length >= 4) {
            try {
                long channelId = Long.parseUnsignedLong(parts[2]);
                long attachmentId = Long.parseUnsignedLong(parts[3]);
                for (StoredMessage message : state.recorded().messages(channelId)) {
                    for (StoredAttachment a : message.attachments()) {
                        if (a.id() == attachmentId) {
                            return RestResponse.bytes(a.contentType() == null ? "application/octet-stream" : a.contentType(), a.bytes());
                        }
                    }
                }
            } catch (NumberFormatException e) {
                // falls through to 404
            }
        }
        return RestResponse.error(ErrorBody.notFound());
    }

    private void send(HttpExchange exchange, RestResponse response, Map<String, String> rateLimitHeaders) throws IOException {
        var headers = exchange.getResponseHeaders();
        rateLimitHeaders.forEach(headers::set);
        response.headers().forEach(headers::set);
        headers.set("Via", "1.1 google");
        if (response.contentType() != null) {
            headers.set("Content-Type", response.contentType());
        }
        if (response.body() == null) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(response.status(), response.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(response.body());
        }
    }

    private void log(String method, String path, String route, int status) {
        state.recorded().request(new RequestLog(method, path, route, status, state.clock().now()));
    }

    private static Map<String, String> decode(Map<String, String> raw) {
        Map<String, String> decoded = new LinkedHashMap<>();
        raw.forEach((k, v) -> decoded.put(k, URLDecoder.decode(v.replace("+", "%2B"), StandardCharsets.UTF_8)));
        return decoded;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }
}
