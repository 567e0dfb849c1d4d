package io.serverpulse.collector.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /health as an orchestrator, a load balancer or an operator with curl sees it. */
class HealthServerTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private HealthServer server;

    @BeforeEach
    void start() throws IOException {
        server = HealthServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + server.address().getPort() + path);
        return client.send(HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void beforeTheCollectorRunsItSaysStarting() throws Exception {
        // GIVEN / WHEN the endpoint is asked before the collector started
        HttpResponse<String> response = send("GET", "/health");

        // THEN 503 in plain text, never cached
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("not ready: starting\n");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void itAnswersWhatTheCollectorSays() throws Exception {
        // GIVEN a running collector that is ready, then one whose shard reconnects
        server.serve(() -> Readiness.READY);
        HttpResponse<String> ready = send("GET", "/health");
        server.serve(() -> new Readiness(false, "0 of 1 shards connected (shard 0 ATTEMPTING_TO_RECONNECT)"));
        HttpResponse<String> reconnecting = send("GET", "/health");

        // THEN 200 "ready", then 503 with the reason
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("ready\n");
        assertThat(reconnecting.statusCode()).isEqualTo(503);
        assertThat(reconnecting.body()).isEqualTo("not ready: 0 of 1 shards connected (shard 0 ATTEMPTING_TO_RECONNECT)\n");
    }

    @Test
    void whileShuttingDownItIsNotReady() throws Exception {
        // GIVEN a ready collector that begins to shut down
        server.serve(() -> Readiness.READY);
        server.stopping();

        // WHEN / THEN 503 shutting down
        HttpResponse<String> response = send("GET", "/health");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("not ready: shutting down\n");
    }

    @Test
    void headAnswersTheStatusWithoutABody() throws Exception {
        // GIVEN a ready collector
        server.serve(() -> Readiness.READY);

        // WHEN / THEN HEAD gets 200 and no body
        HttpResponse<String> response = send("HEAD", "/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void otherMethodsAndPathsAreRefused() throws Exception {
        // GIVEN a ready collector
        server.serve(() -> Readiness.READY);

        // WHEN something else is asked
        HttpResponse<String> post = send("POST", "/health");
        HttpResponse<String> other = send("GET", "/healthz");
        HttpResponse<String> below = send("GET", "/health/x");

        // THEN 405 with what is allowed, and 404
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(below.statusCode()).isEqualTo(404);
        assertThat(below.body()).isEqualTo("not found: GET /health\n");
    }

    @Test
    void aReadinessThatCannotBeToldIsNotReady() throws Exception {
        // GIVEN a source of readiness that throws
        server.serve(() -> {
            throw new IllegalStateException("boom");
        });

        // WHEN / THEN 503, naming only the kind of failure
        HttpResponse<String> response = send("GET", "/health");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("not ready: readiness unknown (IllegalStateException)\n");
    }

    @Test
    void nagleIsOffForTheJdkServer() {
        // GIVEN / WHEN the health server class is loaded / THEN keep-alive answers are not delayed by Nagle's algorithm
        assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
    }
}
