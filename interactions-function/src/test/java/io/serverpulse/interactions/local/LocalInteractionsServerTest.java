package io.serverpulse.interactions.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.interactions.http.EndpointResponse;
import io.serverpulse.interactions.http.InteractionsEndpoint;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalInteractionsServerTest {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private LocalInteractionsServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private URI start() {
        // an endpoint whose verifier refuses everything: these tests are about the transport
        InteractionsEndpoint endpoint = new InteractionsEndpoint((signature, timestamp, body) -> false,
                new io.serverpulse.common.commands.InteractionHandler(new io.serverpulse.common.store.memory.InMemoryStore(),
                        io.serverpulse.common.commands.CommandRegistry.standard(java.util.Optional.empty(), false), java.time.Clock.systemUTC()),
                work -> {
                });
        server = LocalInteractionsServer.start(new InetSocketAddress("127.0.0.1", 0), endpoint, 2);
        return server.uri();
    }

    @Test
    void manyRequestsOnOneKeptAliveConnectionAreAllAnswered() throws Exception {
        // GIVEN a server and one HTTP/1.1 client
        URI uri = start();

        // WHEN 50 requests are sent in a row (the client keeps its connection)
        AtomicInteger answered = new AtomicInteger();
        for (int i = 0; i < 50; i++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .header("X-Signature-Ed25519", "00").header("X-Signature-Timestamp", "1").build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401 && response.headers().firstValue("Content-Type").orElse("").equals("application/json")) {
                answered.incrementAndGet();
            }
        }

        // THEN each got the endpoint's answer
        assertThat(answered).hasValue(50);
    }

    @Test
    void aBodyOverTheLimitIsRefused() throws Exception {
        // GIVEN a body of a megabyte and one byte
        URI uri = start();
        byte[] huge = new byte[LocalInteractionsServer.MAX_BODY_BYTES + 1];

        // WHEN it is posted
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(huge)).build(),
                HttpResponse.BodyHandlers.ofString());

        // THEN 413
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("too large");
    }

    @Test
    void aBodyOverTheLimitOnAKeptAliveConnectionLeavesItUsable() throws Exception {
        // GIVEN a body of two megabytes sent on a connection the client keeps
        URI uri = start();
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[2 * LocalInteractionsServer.MAX_BODY_BYTES])).build(),
                HttpResponse.BodyHandlers.ofString());

        // WHEN the next request follows
        HttpResponse<String> next = http.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());

        // THEN the big one got 413 and the next one its own answer
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(next.statusCode()).isEqualTo(401);
    }

    @Test
    void anyPathIsTheEndpoint() throws Exception {
        // GIVEN a server behind a tunnel that keeps its own path prefix
        URI uri = start().resolve("/discord/interactions");

        // WHEN an unsigned request arrives there / THEN the endpoint answered it (401), not a 404
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(EndpointResponse.JSON).isEqualTo(response.headers().firstValue("Content-Type").orElseThrow());
    }
}
