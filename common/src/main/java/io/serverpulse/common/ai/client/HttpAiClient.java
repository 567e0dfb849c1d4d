package io.serverpulse.common.ai.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.serverpulse.common.ai.AiCall;
import io.serverpulse.common.ai.AiClient;
import io.serverpulse.common.ai.AiEndpoints;
import io.serverpulse.common.ai.AiFailure;
import io.serverpulse.common.ai.AiFailure.Kind;
import io.serverpulse.common.ai.AiProvider;
import io.serverpulse.common.ai.AiReply;
import io.serverpulse.common.lazy.Lazy;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The thin client for all six providers: the JDK's {@code java.net.http} and Jackson, which
 * ServerPulse ships anyway (measured against the providers' SDKs in BENCHMARKS.md). One
 * {@link HttpClient} per instance; {@link AiCall#timeout()} is a hard deadline on the whole
 * exchange, not only on the first byte.
 */
public final class HttpAiClient implements AiClient {

    private static final String USER_AGENT = "ServerPulse (https://github.com/serverpulse/serverpulse)";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final AiEndpoints endpoints;
    private final Supplier<HttpClient> http;
    private final Clock clock;
    private final Map<AiProvider.Protocol, WireFormat> formats = new EnumMap<>(Map.of(
            AiProvider.Protocol.OPENAI_CHAT, new OpenAiChatFormat(),
            AiProvider.Protocol.GEMINI, new GeminiFormat(),
            AiProvider.Protocol.ANTHROPIC, new AnthropicFormat()));

    /** The JDK client is built on the first call, so that wiring a handler (a Lambda's cold start) does not pay for it. */
    public HttpAiClient(AiEndpoints endpoints) {
        this(endpoints, Lazy.of(() -> HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build()), Clock.systemUTC());
    }

    HttpAiClient(AiEndpoints endpoints, Supplier<HttpClient> http, Clock clock) {
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public AiReply complete(AiCall call) throws AiFailure {
        WireFormat format = formats.get(call.provider().protocol());
        HttpRequest.Builder request = HttpRequest.newBuilder(format.uri(endpoints.baseUrl(call.provider()), call))
                .timeout(call.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofString(format.body(call).toString()));
        format.headers(call).forEach(request::header);
        HttpResponse<byte[]> response = send(request.build(), call.timeout());
        JsonNode body = json(response.body());
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw ProviderErrors.classify(status, body,
                    status == 429 ? RetryAfter.parse(response.headers(), clock.instant()) : null);
        }
        if (body == null || !body.isObject()) {
            throw WireFormat.unusable("the answer is not a JSON object");
        }
        return format.parse(body, call);
    }

    private HttpResponse<byte[]> send(HttpRequest request, Duration timeout) throws AiFailure {
        CompletableFuture<HttpResponse<byte[]>> pending = http.get().sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            return pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new AiFailure(Kind.TIMEOUT, "no answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new AiFailure(Kind.TIMEOUT, "interrupted while waiting for the answer");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw new AiFailure(Kind.TIMEOUT, "no answer within " + timeout.toMillis() + " ms");
            }
            String what = cause instanceof ConnectException ? "could not connect"
                    : cause instanceof IOException ? "the connection failed" : "the request failed";
            throw new AiFailure(Kind.NETWORK, what + " (" + cause.getClass().getSimpleName() + ")");
        }
    }

    private static JsonNode json(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        try {
            return WireFormat.JSON.readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }
}
