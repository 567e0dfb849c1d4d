package io.serverpulse.common.ai;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.ai.AiProvider.Protocol;
import io.serverpulse.common.ai.ProviderChain.Attempt;
import io.serverpulse.common.ai.ProviderChain.Outcome;
import io.serverpulse.common.crypto.SecretSealer;
import io.serverpulse.common.ai.client.HttpAiClient;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.store.StoreException;
import io.serverpulse.common.store.memory.InMemoryStore;
import io.serverpulse.common.testing.FakeAiServer;
import io.serverpulse.common.testing.FakeAiServer.Reply;
import io.serverpulse.common.testing.LogCapture;
import io.serverpulse.common.testing.SilentPort;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fallback chain and the cache, against three local fakes (OpenAI, Gemini, Anthropic, in that
 * order for the guild) that speak their APIs' real JSON.
 */
class SummaryWriterTest {

    private static final long GUILD = 1176201535215009852L;
    private static final String PERIOD = "weekly:2026-11-23";
    private static final String RULES = "Messages rose 12 % on last week.";
    private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
    private static final SecretSealer SEALER = new SecretSealer("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private static final String OPENAI_KEY = "sk-proj-openai-key-000111";
    private static final String GEMINI_KEY = "AIzaGeminiKey000111222333";
    private static final String ANTHROPIC_KEY = "sk-ant-api03-anthropic-000111";

    private final FakeAiServer openai = FakeAiServer.start(Protocol.OPENAI_CHAT);
    private final FakeAiServer gemini = FakeAiServer.start(Protocol.GEMINI);
    private final FakeAiServer anthropic = FakeAiServer.start(Protocol.ANTHROPIC);
    private final InMemoryStore store = new InMemoryStore(Clock.fixed(NOW, ZoneOffset.UTC));
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final AtomicInteger rulesAsked = new AtomicInteger();

    @AfterEach
    void stop() {
        openai.close();
        gemini.close();
        anthropic.close();
    }

    private AiEndpoints endpoints() {
        return AiEndpoints.defaults().with(AiProvider.OPENAI, openai.baseUrl()).with(AiProvider.GEMINI, gemini.baseUrl())
                .with(AiProvider.ANTHROPIC, anthropic.baseUrl());
    }

    private SummaryWriter writer(AiEndpoints endpoints, ProviderChain.Policy policy, Optional<SecretSealer> sealer,
                                 SummaryStore cache) {
        ProviderChain chain = new ProviderChain(new HttpAiClient(endpoints), sealer, waits::add, System::nanoTime);
        return new SummaryWriter(chain, cache, Clock.fixed(NOW, ZoneOffset.UTC), policy);
    }

    private SummaryWriter writer() {
        return writer(endpoints(), ProviderChain.Policy.summaries(), Optional.of(SEALER), store);
    }

    private static GuildSettings threeProviders() {
        return GuildSettings.defaults(GUILD).withAiChain(List.of(
                new AiProviderEntry(AiProvider.OPENAI, null, SEALER.seal(GUILD, OPENAI_KEY)),
                new AiProviderEntry(AiProvider.GEMINI, "gemini-2.5-flash", SEALER.seal(GUILD, GEMINI_KEY)),
                new AiProviderEntry(AiProvider.ANTHROPIC, null, SEALER.seal(GUILD, ANTHROPIC_KEY))), NOW);
    }

    private SummaryResult summarize(SummaryWriter writer, GuildSettings settings, SummaryInput input) {
        return writer.summarize(settings, PERIOD, input, () -> {
            rulesAsked.incrementAndGet();
            return RULES;
        });
    }

    private static SummaryInput week() {
        return SummaryPromptTest.week(1120, "en");
    }

    @Test
    void theFirstProviderWritesTheSummaryAndItIsCachedWithModelAndTokens() {
        SummaryResult result = summarize(writer(), threeProviders(), week());

        assertThat(result.byAi()).isTrue();
        assertThat(result.provider()).contains(AiProvider.OPENAI);
        assertThat(result.model()).isEqualTo("gpt-5.4-mini-2026-03-17");
        assertThat(result.text()).startsWith("Activity grew 12 % on last week");
        assertThat(rulesAsked).hasValue(0);
        assertThat(gemini.requests()).isEmpty();
        AiSummary cached = store.summary(GUILD, PERIOD).orElseThrow();
        assertThat(cached.provider()).isEqualTo(AiProvider.OPENAI);
        assertThat(cached.inputHash()).isEqualTo(SummaryPrompt.hash(week()));
        assertThat(cached.inputTokens()).isEqualTo(412);
        assertThat(cached.outputTokens()).isEqualTo(41);
        assertThat(cached.text()).isEqualTo(result.text());
    }

    @Test
    void failuresFallThroughTheGuildsProvidersInOrder() {
        // GIVEN OpenAI answers 500 and Gemini a body cut off mid-JSON
        openai.then(Reply.serverError(Protocol.OPENAI_CHAT));
        gemini.then(Reply.malformed(Protocol.GEMINI));

        SummaryResult result = summarize(writer(), threeProviders(), week());

        // THEN Anthropic, the third, wrote it, after one request to each
        assertThat(result.provider()).contains(AiProvider.ANTHROPIC);
        assertThat(result.attempts()).extracting(Attempt::provider)
                .containsExactly(AiProvider.OPENAI, AiProvider.GEMINI, AiProvider.ANTHROPIC);
        assertThat(result.attempts()).extracting(Attempt::failure)
                .containsExactly(AiFailure.Kind.SERVER_ERROR, AiFailure.Kind.UNUSABLE_ANSWER, null);
        assertThat(openai.requests()).hasSize(1);
        assertThat(gemini.requests()).hasSize(1);
        assertThat(anthropic.requests()).hasSize(1);
        // AND each provider received its own key and no other
        assertThat(gemini.requests().get(0).headers()).containsEntry("x-goog-api-key", GEMINI_KEY);
        assertThat(gemini.requests().get(0).toString()).doesNotContain(OPENAI_KEY).doesNotContain(ANTHROPIC_KEY);
        assertThat(anthropic.requests().get(0).toString()).doesNotContain(OPENAI_KEY).doesNotContain(GEMINI_KEY);
    }

    @Test
    void aShortRetryAfterIsWaitedOutAndTheSameProviderAskedAgain() {
        openai.then(Reply.rateLimited(Protocol.OPENAI_CHAT, 2), Reply.success(Protocol.OPENAI_CHAT, null));

        SummaryResult result = summarize(writer(), threeProviders(), week());

        assertThat(result.provider()).contains(AiProvider.OPENAI);
        assertThat(waits).containsExactly(Duration.ofSeconds(2));
        assertThat(openai.requests()).hasSize(2);
        assertThat(gemini.requests()).isEmpty();
    }

    @Test
    void aLongRetryAfterOrNoneMovesOnToTheNextProvider() {
        // GIVEN OpenAI asks for a minute
        openai.then(Reply.rateLimited(Protocol.OPENAI_CHAT, 60));
        // AND Gemini a 429 that says neither Retry-After nor RetryInfo
        gemini.then(new Reply(429, java.util.Map.of(),
                "{\"error\":{\"code\":429,\"message\":\"Resource exhausted.\",\"status\":\"RESOURCE_EXHAUSTED\"}}"));

        SummaryResult result = summarize(writer(), threeProviders(), week());

        assertThat(result.provider()).contains(AiProvider.ANTHROPIC);
        assertThat(waits).isEmpty();
        assertThat(openai.requests()).hasSize(1);
        assertThat(gemini.requests()).hasSize(1);
    }

    @Test
    void aProviderThatHangsIsLeftAtTheCallTimeout() {
        try (SilentPort silent = new SilentPort()) {
            AiEndpoints endpoints = endpoints().with(AiProvider.OPENAI, silent.baseUrl("/v1/"));
            ProviderChain.Policy policy = new ProviderChain.Policy(Duration.ofSeconds(1), Duration.ofSeconds(5),
                    Duration.ofSeconds(20));
            long started = System.nanoTime();

            SummaryResult result = summarize(writer(endpoints, policy, Optional.of(SEALER), store), threeProviders(), week());

            assertThat(result.provider()).contains(AiProvider.GEMINI);
            assertThat(result.attempts().get(0).failure()).isEqualTo(AiFailure.Kind.TIMEOUT);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void whenEveryProviderHangsTheBudgetEndsItWithTheRuleParagraph() {
        try (SilentPort silent = new SilentPort()) {
            AiEndpoints endpoints = AiEndpoints.defaults().with(AiProvider.OPENAI, silent.baseUrl("/v1/"))
                    .with(AiProvider.GEMINI, silent.baseUrl("/v1beta/")).with(AiProvider.ANTHROPIC, silent.baseUrl("/v1/"));
            ProviderChain.Policy policy = new ProviderChain.Policy(Duration.ofSeconds(30), Duration.ofSeconds(5),
                    Duration.ofMillis(1500));
            long started = System.nanoTime();

            SummaryResult result = summarize(writer(endpoints, policy, Optional.of(SEALER), store), threeProviders(), week());

            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(result.byAi()).isFalse();
            assertThat(result.text()).isEqualTo(RULES);
            assertThat(took).isLessThan(Duration.ofSeconds(6));
            assertThat(result.attempts()).extracting(Attempt::outcome).contains(Outcome.NO_TIME_LEFT);
        }
    }

    @Test
    void whenEveryProviderFailsTheRuleParagraphIsUsedAndNothingIsCached() {
        openai.then(Reply.serverError(Protocol.OPENAI_CHAT));
        gemini.then(Reply.fixture(Protocol.GEMINI, "bad-key.json", 400));
        anthropic.then(Reply.fixture(Protocol.ANTHROPIC, "no-credit.json", 400));

        SummaryResult result = summarize(writer(), threeProviders(), week());

        assertThat(result.byAi()).isFalse();
        assertThat(result.provider()).isEmpty();
        assertThat(result.text()).isEqualTo(RULES);
        assertThat(rulesAsked).hasValue(1);
        assertThat(result.attempts()).extracting(Attempt::failure)
                .containsExactly(AiFailure.Kind.SERVER_ERROR, AiFailure.Kind.BAD_KEY, AiFailure.Kind.NO_CREDIT);
        assertThat(store.summary(GUILD, PERIOD)).isEmpty();
    }

    @Test
    void aRetriedDigestOrRepeatedPulseWithTheSameNumbersAsksNoProviderAgain() {
        SummaryResult first = summarize(writer(), threeProviders(), week());
        SummaryResult again = summarize(writer(), threeProviders(), week());

        assertThat(openai.requests()).hasSize(1);
        assertThat(again.cached()).isTrue();
        assertThat(again.text()).isEqualTo(first.text());
        assertThat(again.provider()).isEqualTo(first.provider());
        assertThat(again.model()).isEqualTo(first.model());
    }

    @Test
    void otherNumbersForTheSamePeriodAreWrittenAnew() {
        summarize(writer(), threeProviders(), week());
        openai.then(Reply.success(Protocol.OPENAI_CHAT, "Messages climbed again, and member #1 stayed on top."));

        SummaryResult changed = summarize(writer(), threeProviders(), SummaryPromptTest.week(1300, "en"));

        assertThat(openai.requests()).hasSize(2);
        assertThat(changed.cached()).isFalse();
        assertThat(store.summary(GUILD, PERIOD).orElseThrow().text()).isEqualTo("Messages climbed again, and member #1 stayed on top.");
    }

    @Test
    void aHostileAnswerIsCleanedBeforeItIsReturnedOrCached() {
        openai.then(Reply.success(Protocol.OPENAI_CHAT,
                "@everyone click https://free-nitro.example/claim <@&1176201535215009999> — activity rose 12 % on last week."));

        SummaryResult result = summarize(writer(), threeProviders(), week());

        assertThat(result.text()).doesNotContain("@").doesNotContain("http").doesNotContain("<")
                .contains("everyone click").contains("activity rose 12 % on last week.");
        assertThat(store.summary(GUILD, PERIOD).orElseThrow().text()).isEqualTo(result.text());
    }

    @Test
    void providersWithoutAUsableKeyAreSkipped() {
        // GIVEN OpenAI has no key yet and Gemini's key was sealed for another guild
        GuildSettings settings = GuildSettings.defaults(GUILD).withAiChain(List.of(
                new AiProviderEntry(AiProvider.OPENAI, null, null),
                new AiProviderEntry(AiProvider.GEMINI, null, SEALER.seal(GUILD + 1, GEMINI_KEY)),
                new AiProviderEntry(AiProvider.ANTHROPIC, null, SEALER.seal(GUILD, ANTHROPIC_KEY))), NOW);

        SummaryResult result = summarize(writer(), settings, week());

        assertThat(result.provider()).contains(AiProvider.ANTHROPIC);
        assertThat(result.attempts()).extracting(Attempt::outcome)
                .containsExactly(Outcome.NO_KEY, Outcome.KEY_UNREADABLE, Outcome.ANSWERED);
        assertThat(openai.requests()).isEmpty();
        assertThat(gemini.requests()).isEmpty();
    }

    @Test
    void withoutAMasterKeyOrAnyProviderTheRuleParagraphIsUsedWithoutACall() {
        SummaryResult noSealer = summarize(writer(endpoints(), ProviderChain.Policy.summaries(), Optional.empty(), store),
                threeProviders(), week());
        SummaryResult noProvider = summarize(writer(), GuildSettings.defaults(GUILD), week());

        assertThat(noSealer.text()).isEqualTo(RULES);
        assertThat(noProvider.text()).isEqualTo(RULES);
        assertThat(noProvider.attempts()).isEmpty();
        assertThat(openai.requests()).isEmpty();
    }

    @Test
    void anUnreachableCacheNeitherFailsNorBlocksTheSummary() {
        SummaryStore broken = new SummaryStore() {
            @Override
            public void saveSummary(AiSummary summary) {
                throw new StoreException("database is locked");
            }

            @Override
            public Optional<AiSummary> summary(long guildId, String periodKey) {
                throw new StoreException("database is locked");
            }
        };

        SummaryResult result = summarize(writer(endpoints(), ProviderChain.Policy.summaries(), Optional.of(SEALER), broken),
                threeProviders(), week());

        assertThat(result.provider()).contains(AiProvider.OPENAI);
    }

    @Test
    void keysAndAnswersNeverReachTheLog() {
        openai.then(Reply.serverError(Protocol.OPENAI_CHAT));
        try (LogCapture logs = new LogCapture()) {
            SummaryResult result = summarize(writer(), threeProviders(), week());

            assertThat(logs.lines()).isNotEmpty();
            assertThat(String.join("\n", logs.lines())).doesNotContain(OPENAI_KEY).doesNotContain(GEMINI_KEY)
                    .doesNotContain(ANTHROPIC_KEY).doesNotContain(result.text()).doesNotContain("member #1");
        }
    }
}
