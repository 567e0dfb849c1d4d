package io.serverpulse.interactions.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.serverpulse.common.commands.DeferredWork;
import io.serverpulse.interactions.http.DeferredDispatcher;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** The asynchronous invoke of the worker, against a local HTTP endpoint standing in for the Lambda API. */
class LambdaDeferredDispatcherTest {

    private static final DeferredWork WORK = new DeferredWork("export-report", 1177777777777777777L, "SECRET-TOKEN",
            1176201535215009852L, 539082325061836800L, "de", 10_485_760L, Map.of("format", "csv"));

    /** One request as the Lambda API received it. */
    record Received(String method, String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer lambdaApi;
    private LambdaClient client;

    private URI start(int status, Map<String, String> headers, String body) throws IOException {
        lambdaApi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        lambdaApi.createContext("/", exchange -> {
            try (exchange) {
                received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                        Map.copyOf(exchange.getRequestHeaders()),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
                if (bytes.length > 0) {
                    exchange.getResponseBody().write(bytes);
                }
            }
        });
        lambdaApi.start();
        URI endpoint = URI.create("http://127.0.0.1:" + lambdaApi.getAddress().getPort());
        client = LambdaClient.builder()
                .endpointOverride(endpoint)
                .region(Region.EU_CENTRAL_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "example-secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        return endpoint;
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (lambdaApi != null) {
            lambdaApi.stop(0);
        }
    }

    @Test
    void theWorkIsInvokedAsynchronouslyWithItsJsonAsThePayload() throws Exception {
        // GIVEN a Lambda API that accepts the event (202, as for InvocationType Event)
        start(202, Map.of("x-amzn-RequestId", "0f3c4a5b-0000-4000-8000-000000000001"), "");

        // WHEN the work is dispatched to the worker's alias
        new LambdaDeferredDispatcher(client, "serverpulse-DeferredWorkerFunction-AbC123:live").dispatch(WORK);

        // THEN one signed Invoke request was made, as an Event, carrying exactly the work's JSON
        assertThat(received).hasSize(1);
        Received invoke = received.get(0);
        assertThat(invoke.method()).isEqualTo("POST");
        assertThat(invoke.path()).isEqualTo("/2015-03-31/functions/serverpulse-DeferredWorkerFunction-AbC123%3Alive/invocations");
        assertThat(invoke.header("X-Amz-Invocation-Type")).isEqualTo("Event");
        assertThat(invoke.header("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                .contains("/eu-central-1/lambda/aws4_request");
        assertThat(DeferredWork.fromJson(invoke.body())).isEqualTo(WORK);
        assertThat(invoke.body()).isEqualTo(WORK.toJson());
    }

    @Test
    void aMissingWorkerFunctionBecomesADispatchFailure() throws Exception {
        // GIVEN a Lambda API that does not know the function
        start(404, Map.of("x-amzn-ErrorType", "ResourceNotFoundException", "Content-Type", "application/json"),
                "{\"Type\":\"User\",\"Message\":\"Function not found: arn:aws:lambda:eu-central-1:123456789012:function:nope\"}");

        // WHEN / THEN dispatching fails with a DispatchException naming the cause, never the interaction token
        assertThatThrownBy(() -> new LambdaDeferredDispatcher(client, "nope").dispatch(WORK))
                .isInstanceOf(DeferredDispatcher.DispatchException.class)
                .hasMessageContaining("ResourceNotFoundException")
                .hasMessageNotContaining("SECRET-TOKEN");
    }

    @Test
    void theClientIsBuiltOnFirstUseOnly() throws Exception {
        // GIVEN a dispatcher whose client is built lazily
        start(202, Map.of(), "");
        java.util.concurrent.atomic.AtomicInteger builds = new java.util.concurrent.atomic.AtomicInteger();
        LambdaDeferredDispatcher dispatcher = new LambdaDeferredDispatcher(() -> {
            builds.incrementAndGet();
            return client;
        }, "worker");

        // WHEN nothing is dispatched / THEN nothing is built
        assertThat(builds).hasValue(0);

        // WHEN two works are dispatched / THEN the client was built once and both were invoked
        dispatcher.dispatch(WORK);
        dispatcher.dispatch(WORK);
        assertThat(builds).hasValue(1);
        assertThat(received).hasSize(2);
    }

    @Test
    void anUnexpectedStatusIsAFailureToo() throws Exception {
        // GIVEN a Lambda API that answers 200 (a synchronous invoke) instead of 202
        start(200, Map.of("Content-Type", "application/json"), "{}");

        // WHEN / THEN the dispatcher does not pretend the work was queued
        assertThatThrownBy(() -> new LambdaDeferredDispatcher(client, "worker").dispatch(WORK))
                .isInstanceOf(DeferredDispatcher.DispatchException.class)
                .hasMessageContaining("200");
    }
}
