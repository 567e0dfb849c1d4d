package io.serverpulse.common.ai.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.serverpulse.common.ai.AiCall;
import io.serverpulse.common.ai.AiEndpoints;
import io.serverpulse.common.ai.AiFailure;
import io.serverpulse.common.ai.AiFailure.Kind;
import io.serverpulse.common.ai.AiPrompt;
import io.serverpulse.common.ai.AiProvider;
import io.serverpulse.common.ai.AiProvider.Protocol;
import io.serverpulse.common.ai.AiReply;
import io.serverpulse.common.testing.FakeAiServer;
import io.serverpulse.common.testing.FakeAiServer.Reply;
import io.serverpulse.common.testing.SilentPort;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The thin client against local fakes that speak each provider's documented request and answer JSON. */
class HttpAiClientTest {

    private static final String KEY = "sk-test-0123456789abcdefKEY";
    private static final AiPrompt PROMPT = new AiPrompt("Write the insight paragraph.", "Messages: 120 (previous 100)", 256);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static AiReply call(FakeAiServer fake, AiProvider provider, String model) throws AiFailure {
        HttpAiClient client = new HttpAiClient(AiEndpoints.defaults().with(provider, fake.baseUrl()));
        return client.complete(new AiCall(provider, model, KEY, PROMPT, TIMEOUT));
    }

    private static AiFailure failure(FakeAiServer fake, AiProvider provider) {
        return catchThrowableOfType(() -> call(fake, provider, null), AiFailure.class);
    }

    @ParameterizedTest
    @EnumSource(AiProvider.class)
    void everyProviderSendsItsDocumentedRequestAndReadsTheAnswerAndTokenCounts(AiProvider provider) throws AiFailure {
        try (FakeAiServer fake = FakeAiServer.start(provider.protocol())) {
            // WHEN one call with the provider's default model
            AiReply reply = call(fake, provider, null);

            // THEN the answer text and the reported token counts are read
            assertThat(reply.text()).startsWith("Activity grew 12 % on last week");
            assertThat(reply.inputTokens()).isPositive();
            assertThat(reply.outputTokens()).isPositive();
            // AND the one request has the provider's route, headers and body shape
            assertThat(fake.requests()).hasSize(1);
            FakeAiServer.Received request = fake.requests().get(0);
            JsonNode body = request.json();
            assertThat(request.headers()).containsEntry("content-type", "application/json");
            switch (provider.protocol()) {
                case OPENAI_CHAT -> {
                    assertThat(request.path()).isEqualTo("/v1/chat/completions");
                    assertThat(request.headers()).containsEntry("authorization", "Bearer " + KEY);
                    assertThat(body.path("model").asText()).isEqualTo(provider.defaultModel());
                    assertThat(body.path("messages").path(0).path("role").asText()).isEqualTo("system");
                    assertThat(body.path("messages").path(1).path("content").asText()).isEqualTo(PROMPT.user());
                    String bound = provider == AiProvider.OPENROUTER ? "max_tokens" : "max_completion_tokens";
                    assertThat(body.path(bound).asInt()).isEqualTo(256);
                }
                case GEMINI -> {
                    assertThat(request.path()).isEqualTo("/v1beta/models/" + provider.defaultModel() + ":generateContent");
                    assertThat(request.headers()).containsEntry("x-goog-api-key", KEY);
                    assertThat(body.path("systemInstruction").path("parts").path(0).path("text").asText())
                            .isEqualTo(PROMPT.system());
                    assertThat(body.path("contents").path(0).path("parts").path(0).path("text").asText())
                            .isEqualTo(PROMPT.user());
                    assertThat(body.path("generationConfig").path("maxOutputTokens").asInt()).isEqualTo(256);
                }
                case ANTHROPIC -> {
                    assertThat(request.path()).isEqualTo("/v1/messages");
                    assertThat(request.headers()).containsEntry("x-api-key", KEY).containsEntry("anthropic-version", "2023-06-01");
                    assertThat(body.path("system").asText()).isEqualTo(PROMPT.system());
                    assertThat(body.path("max_tokens").asInt()).isEqualTo(256);
                    assertThat(body.path("messages").path(0).path("content").asText()).isEqualTo(PROMPT.user());
                }
            }
            // AND the key is in a header only, never in the URL or the body
            assertThat(request.path()).doesNotContain(KEY);
            assertThat(request.body()).doesNotContain(KEY);
        }
    }

    @Test
    void aGuildsModelOverridesTheDefault() throws AiFailure {
        try (FakeAiServer fake = FakeAiServer.start(Protocol.GEMINI)) {
            call(fake, AiProvider.GEMINI, "gemini-2.5-flash-lite");
            assertThat(fake.requests().get(0).path()).isEqualTo("/v1beta/models/gemini-2.5-flash-lite:generateContent");
        }
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void a429WithRetryAfterIsRateLimitedWithTheWait(Protocol protocol) {
        try (FakeAiServer fake = FakeAiServer.start(protocol)) {
            fake.then(Reply.rateLimited(protocol, 7));
            AiFailure failure = failure(fake, provider(protocol));
            assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
            assertThat(failure.status()).isEqualTo(429);
            assertThat(failure.retryAfter()).contains(Duration.ofSeconds(7));
        }
    }

    @Test
    void googlesRetryInfoIsTheWaitWhenThereIsNoHeader() {
        try (FakeAiServer fake = FakeAiServer.start(Protocol.GEMINI)) {
            fake.then(Reply.rateLimited(Protocol.GEMINI, -1));
            AiFailure failure = failure(fake, AiProvider.GEMINI);
            assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
            assertThat(failure.retryAfter()).contains(Duration.ofSeconds(2));
        }
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void a5xxIsAServerError(Protocol protocol) {
        try (FakeAiServer fake = FakeAiServer.start(protocol)) {
            fake.then(Reply.serverError(protocol));
            AiFailure failure = failure(fake, provider(protocol));
            assertThat(failure.kind()).isEqualTo(Kind.SERVER_ERROR);
            assertThat(failure.kind().isTransient()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void aMalformedBodyIsAnUnusableAnswer(Protocol protocol) {
        try (FakeAiServer fake = FakeAiServer.start(protocol)) {
            fake.then(Reply.malformed(protocol));
            assertThat(failure(fake, provider(protocol)).kind()).isEqualTo(Kind.UNUSABLE_ANSWER);
        }
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void aSuccessWithoutTextIsAnUnusableAnswer(Protocol protocol) {
        try (FakeAiServer fake = FakeAiServer.start(protocol)) {
            fake.then(Reply.success(protocol, "  "));
            assertThat(failure(fake, provider(protocol)).kind()).isEqualTo(Kind.UNUSABLE_ANSWER);
        }
    }

    @Test
    void aProviderThatAcceptsAndNeverAnswersTimesOutOnTime() {
        try (SilentPort silent = new SilentPort()) {
            HttpAiClient client = new HttpAiClient(AiEndpoints.defaults().with(AiProvider.OPENAI, silent.baseUrl("/v1/")));
            long started = System.nanoTime();
            AiFailure failure = catchThrowableOfType(() -> client.complete(
                    new AiCall(AiProvider.OPENAI, null, KEY, PROMPT, Duration.ofMillis(800))), AiFailure.class);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
            assertThat(silent.accepted()).isEqualTo(1);
            assertThat(took).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aRefusedConnectionIsANetworkFailure() {
        String closed;
        try (SilentPort port = new SilentPort()) {
            closed = port.baseUrl("/v1/");
        }
        HttpAiClient client = new HttpAiClient(AiEndpoints.defaults().with(AiProvider.GROQ, closed));
        AiFailure failure = catchThrowableOfType(() -> client.complete(
                new AiCall(AiProvider.GROQ, null, KEY, PROMPT, TIMEOUT)), AiFailure.class);
        assertThat(failure.kind()).isEqualTo(Kind.NETWORK);
    }

    @Test
    void providersErrorsBecomeWhatAnAdminCanActOn() {
        assertKind(Protocol.OPENAI_CHAT, "bad-key.json", 401, Kind.BAD_KEY);
        assertKind(Protocol.OPENAI_CHAT, "no-credit.json", 429, Kind.NO_CREDIT);
        assertKind(Protocol.OPENAI_CHAT, "unknown-model.json", 404, Kind.UNKNOWN_MODEL);
        assertKind(Protocol.OPENAI_CHAT, "openrouter-no-credit.json", 402, Kind.NO_CREDIT);
        assertKind(Protocol.GEMINI, "bad-key.json", 400, Kind.BAD_KEY);
        assertKind(Protocol.GEMINI, "unknown-model.json", 404, Kind.UNKNOWN_MODEL);
        assertKind(Protocol.ANTHROPIC, "bad-key.json", 401, Kind.BAD_KEY);
        assertKind(Protocol.ANTHROPIC, "no-credit.json", 400, Kind.NO_CREDIT);
        assertKind(Protocol.ANTHROPIC, "unknown-model.json", 404, Kind.UNKNOWN_MODEL);
        assertKind(Protocol.ANTHROPIC, "server-error.json", 529, Kind.SERVER_ERROR);
    }

    @Test
    void theProvidersErrorTextIsKeptWithoutTheKeyItEchoes() {
        try (FakeAiServer fake = FakeAiServer.start(Protocol.OPENAI_CHAT)) {
            fake.then(new Reply(401, java.util.Map.of(), "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY
                    + ". You can find your API key at your account page.\",\"code\":\"invalid_api_key\"}}"));
            AiFailure failure = failure(fake, AiProvider.OPENAI);
            assertThat(failure.getMessage()).startsWith("HTTP 401: Incorrect API key provided").doesNotContain(KEY)
                    .doesNotContain("0123456789abcdef");
        }
    }

    private static void assertKind(Protocol protocol, String fixture, int status, Kind expected) {
        try (FakeAiServer fake = FakeAiServer.start(protocol)) {
            fake.then(Reply.fixture(protocol, fixture, status));
            assertThat(failure(fake, provider(protocol)).kind()).as("%s %s", protocol, fixture).isEqualTo(expected);
        }
    }

    private static AiProvider provider(Protocol protocol) {
        return switch (protocol) {
            case OPENAI_CHAT -> AiProvider.OPENAI;
            case GEMINI -> AiProvider.GEMINI;
            case ANTHROPIC -> AiProvider.ANTHROPIC;
        };
    }
}
