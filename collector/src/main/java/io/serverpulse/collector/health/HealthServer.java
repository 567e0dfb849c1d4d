package io.serverpulse.collector.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The collector's health endpoint on the JDK's HTTP server: {@code GET /health} answers {@code 200 ready}
 * or {@code 503 not ready: <reason>} ({@link Readiness}), in plain text; {@code HEAD} the same without a
 * body; other methods 405, other paths 404. It answers from counters already in memory, never waiting
 * for Discord or the store, on one thread of its own. Off unless {@code COLLECTOR_HEALTH_PORT} is set
 * ({@link HealthSettings}); container health checks call it with {@link HealthProbe}.
 *
 * <p>{@code sun.net.httpserver.nodelay} is set to {@code true} before the JDK server class is first used
 * (with Nagle's algorithm on, each keep-alive answer waits for a delayed ACK, about 40 ms).
 */
public final class HealthServer implements AutoCloseable {

    public static final String PATH = "/health";

    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService thread;
    private volatile Supplier<Readiness> readiness = () -> Readiness.STARTING;
    private volatile boolean stopping;

    private HealthServer(HttpServer server, ExecutorService thread) {
        this.server = server;
        this.thread = thread;
    }

    /**
     * Listens on {@code address} (port 0: a free port) and answers {@link Readiness#STARTING} until
     * {@link #serve} is called.
     *
     * @throws IOException if the address cannot be bound (e.g. the port is in use)
     */
    public static HealthServer start(InetSocketAddress address) throws IOException {
        HttpServer server = HttpServer.create(Objects.requireNonNull(address, "address"), 16);
        ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread named = new Thread(runnable, "serverpulse-health");
            named.setDaemon(true);
            return named;
        });
        HealthServer health = new HealthServer(server, thread);
        server.createContext(PATH, health::exchange);
        server.setExecutor(thread);
        server.start();
        return health;
    }

    /** From now on answers what {@code source} says (the running collector's {@code readiness()}). */
    public void serve(Supplier<Readiness> source) {
        this.readiness = Objects.requireNonNull(source, "source");
    }

    /** Answers {@link Readiness#STOPPING} from now on (the collector is shutting down). */
    public void stopping() {
        this.stopping = true;
    }

    /** The address it listens on (with the port chosen when started with port 0). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!PATH.equals(exchange.getRequestURI().getPath())) {
                send(exchange, 404, "not found: GET " + PATH, true);
            } else if (!"GET".equals(method) && !"HEAD".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "method not allowed: GET " + PATH, true);
            } else {
                Readiness now = current();
                send(exchange, now.ready() ? 200 : 503, now.ready() ? now.reason() : "not ready: " + now.reason(),
                        "GET".equals(method));
            }
        }
    }

    private Readiness current() {
        if (stopping) {
            return Readiness.STOPPING;
        }
        try {
            return readiness.get();
        } catch (RuntimeException e) {
            return new Readiness(false, "readiness unknown (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static void send(HttpExchange exchange, int status, String text, boolean withBody) throws IOException {
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (!withBody) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Stops listening at once. */
    @Override
    public void close() {
        server.stop(0);
        thread.shutdownNow();
    }
}
