package io.serverpulse.emulator.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.serverpulse.emulator.state.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A bare gateway client (the JDK's WebSocket) for protocol-level tests: send payloads, read payloads and the close code. */
public final class RawGateway implements AutoCloseable {

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final WebSocket socket;

    public RawGateway(String url) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(url), new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            try {
                                received.add(Json.parse(text.toString()));
                            } catch (IOException e) {
                                throw new IllegalStateException(e);
                            }
                            text.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closeCode.complete(statusCode);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket webSocket, Throwable error) {
                        closeCode.complete(-1);
                    }
                }).join();
    }

    public void send(String json) {
        socket.sendText(json, true).join();
    }

    /** The next payload, failing after {@code timeout}. */
    public JsonNode next(Duration timeout) throws InterruptedException {
        JsonNode payload = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (payload == null) {
            throw new AssertionError("no gateway payload within " + timeout);
        }
        return payload;
    }

    /** The next dispatch of type {@code t}, skipping others. */
    public JsonNode nextDispatch(String t, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode payload = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (payload.path("op").asInt() == 0 && payload.path("t").asText().equals(t)) {
                return payload;
            }
        }
    }

    /** Every payload received so far and not yet read. */
    public java.util.List<JsonNode> drain() {
        java.util.List<JsonNode> list = new java.util.ArrayList<>();
        received.drainTo(list);
        return list;
    }

    public int awaitClose(Duration timeout) throws Exception {
        return closeCode.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        socket.abort();
    }
}
