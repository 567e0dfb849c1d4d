package io.serverpulse.interactions.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.serverpulse.interactions.http.EndpointRequest;
import io.serverpulse.interactions.http.EndpointResponse;
import io.serverpulse.interactions.http.InteractionsEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The interactions endpoint on the JDK's HTTP server: for self-hosters who prefer an HTTP endpoint
 * (behind a tunnel or a reverse proxy) to the gateway, and for tests and benchmarks. Every path is
 * the endpoint; bodies over {@link #MAX_BODY_BYTES} get 413 and are never handed to it.
 *
 * <p>{@code sun.net.httpserver.nodelay} is set to {@code true} before the JDK server class is first
 * used: with Nagle's algorithm on, every keep-alive answer waits for a delayed ACK (about 40 ms). The
 * JDK reads the property once per process, so it must not have started another HTTP server before.
 */
public final class LocalInteractionsServer implements AutoCloseable {

    /** Discord's interaction payloads are a few kilobytes; a megabyte is far beyond any of them. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    /**
     * A body over the limit is read and dropped up to this size before the 413 goes out, so that a client
     * still sending it sees the answer (instead of a reset connection); beyond it the connection is dropped.
     */
    static final long SWALLOW_BYTES = 4L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(LocalInteractionsServer.class);

    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final InteractionsEndpoint endpoint;

    private LocalInteractionsServer(HttpServer server, ExecutorService threads, InteractionsEndpoint endpoint) {
        this.server = server;
        this.threads = threads;
        this.endpoint = endpoint;
    }

    /**
     * Starts serving {@code endpoint} on {@code address} (port 0: a free port).
     *
     * @param threads request threads; each answers one request at a time
     */
    public static LocalInteractionsServer start(InetSocketAddress address, InteractionsEndpoint endpoint, int threads) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(endpoint, "endpoint");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        HttpServer server;
        try {
            server = HttpServer.create(address, 128);
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on " + address, e);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, namedDaemons("interactions-http-"));
        LocalInteractionsServer local = new LocalInteractionsServer(server, pool, endpoint);
        server.createContext("/", local::exchange);
        server.setExecutor(pool);
        server.start();
        LOG.info("Interactions endpoint listening on {}", local.uri());
        return local;
    }

    /** Whether the JDK server runs with TCP_NODELAY (the property it reads once per process). */
    public static boolean noDelay() {
        return Boolean.getBoolean("sun.net.httpserver.nodelay");
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://host:port/} */
    public URI uri() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + address.getPort() + "/");
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (declaredLength(exchange) > SWALLOW_BYTES) {
                send(exchange, EndpointResponse.json(413, "{\"error\":\"body too large\"}"));
                return;
            }
            byte[] body = readLimited(exchange.getRequestBody());
            if (body == null) {
                drain(exchange.getRequestBody());
                send(exchange, EndpointResponse.json(413, "{\"error\":\"body too large\"}"));
                return;
            }
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!values.isEmpty()) {
                    headers.put(name, values.get(0));
                }
            });
            send(exchange, endpoint.handle(new EndpointRequest(exchange.getRequestMethod(), headers, body)));
        } catch (IOException e) {
            LOG.debug("Connection ended while answering: {}", e.getClass().getSimpleName());
        }
    }

    private static long declaredLength(HttpExchange exchange) {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The body, or null when it is longer than {@link #MAX_BODY_BYTES}. */
    private static byte[] readLimited(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            return null;
        }
        return body;
    }

    /**
     * Reads and drops what is left of the body, up to {@link #SWALLOW_BYTES}. With read, not skip: the JDK
     * server's body stream bounds read to the request, while its skip goes to the socket beneath.
     */
    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = SWALLOW_BYTES;
        int read;
        while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
            left -= read;
        }
    }

    private static void send(HttpExchange exchange, EndpointResponse response) throws IOException {
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().put(name, List.of(value)));
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdown();
        try {
            if (!threads.awaitTermination(5, TimeUnit.SECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    static ThreadFactory namedDaemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
