package io.serverpulse.collector.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.serverpulse.collector.app.Collector;
import io.serverpulse.collector.support.GatewayProgress;
import io.serverpulse.collector.support.Lockstep;
import io.serverpulse.collector.support.SimPrivacy;
import io.serverpulse.collector.support.SpecChecked;
import io.serverpulse.collector.support.TestBots;
import io.serverpulse.common.ai.AiEndpoints;
import io.serverpulse.common.ai.AiProvider;
import io.serverpulse.common.ai.AiProviderEntry;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.common.crypto.SecretSealer;
import io.serverpulse.common.digest.DigestPeriod;
import io.serverpulse.common.digest.DigestReport;
import io.serverpulse.common.digest.DigestView;
import io.serverpulse.common.digest.WhatChanged;
import io.serverpulse.common.i18n.Texts;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.testing.FakeAiServer;
import io.serverpulse.common.testing.FakeAiServer.Reply;
import io.serverpulse.common.testing.SilentPort;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.sim.MessageCorpus;
import io.serverpulse.emulator.sim.Scenarios;
import io.serverpulse.emulator.sim.SimulatedClock;
import io.serverpulse.emulator.sim.SimulatedCommunity;
import io.serverpulse.emulator.state.PendingInteraction;
import io.serverpulse.emulator.state.StoredMessage;
import io.serverpulse.store.sqlite.SqliteStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AI summaries and {@code /askpulse} in the self-hosted bot, through the real JDA collector and the emulator: a
 * simulated week is counted live once (its database copied for each test); then the collector's own schedule posts
 * the weekly digest with the summary of a local fake provider speaking OpenAI's API — or, when every provider
 * fails or hangs, with the rule-written paragraph alone and a line saying no provider could write the summary,
 * within its budget. Members ask {@code /askpulse} and get the provider's answer, or its limit, or why there is none.
 * Every request body the fakes received is searched for every id, name and message word of the simulation.
 */
class AiSummaryTest {

    private static final SimulatedCommunity WEEK = Scenarios.week(11, 6_000);
    private static final long GUILD = WEEK.community().guildId();
    private static final DigestPeriod PERIOD = DigestPeriod.weekly(LocalDate.parse("2026-03-02"), ZoneId.of("UTC"));
    private static final String FOOTER = DigestView.footer(GUILD, PERIOD);
    private static final String MASTER_KEY = Base64.getEncoder().encodeToString(
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private static final SecretSealer SEALER = new SecretSealer(Base64.getDecoder().decode(MASTER_KEY));
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Monday 00:11: the week's digest is due (00:10). */
    private static final Instant DUE = WEEK.end().plus(Duration.ofMinutes(11));
    /** Monday 00:01: the week is over, its digest not yet due. */
    private static final Instant BEFORE_DUE = WEEK.end().plus(Duration.ofMinutes(1));
    private static final String HOSTILE = "Messages rose while member #1 led and channel #1 was busiest. @everyone click "
            + "https://free-nitro.example/claim and join discord.gg/raid now. <@&123456789012345678> channel #2 stayed calm.";

    @TempDir
    static Path played;
    @TempDir
    Path dir;

    @BeforeAll
    static void countTheWeek() throws Exception {
        SimulatedClock clock = new SimulatedClock(WEEK.start());
        try (DiscordEmulator discord = TestBots.emulator(WEEK, new SpecChecked()); SqliteStore store = SqliteStore.open(played)) {
            TestBots.whitelist(store, WEEK);
            GatewayProgress progress = new GatewayProgress();
            Collector collector = TestBots.collector(discord, TestBots.config(discord, Map.of()), store, clock, progress).start();
            TestBots.awaitReady(collector);
            new Lockstep(discord, clock, progress).play(WEEK.events());
            clock.advanceTo(WEEK.end());
            collector.flushNow();
            assertThat(collector.shutdown().complete()).isTrue();
        }
    }

    @Test
    void theWeeklyDigestCarriesTheProvidersCleanedSummaryAndNothingPrivateLeavesForIt() throws Exception {
        try (FakeAiServer openai = FakeAiServer.start(AiProvider.Protocol.OPENAI_CHAT); Bot bot = new Bot(DUE, Map.of(
                AiEndpoints.variable(AiProvider.OPENAI), openai.baseUrl()))) {
            // GIVEN a guild whose provider is OpenAI (a local fake), which answers with mentions and links
            openai.then(Reply.success(AiProvider.Protocol.OPENAI_CHAT, HOSTILE));
            bot.providers(new AiProviderEntry(AiProvider.OPENAI, null, SEALER.seal(GUILD, "sk-e2e-openai-0001")));

            // WHEN the collector starts after Monday 00:10 and posts the week's digest
            StoredMessage digest = bot.start().awaitDigest();

            // THEN beside the rule-written paragraph, the summary says who wrote it, cleaned, ranks as mentions
            DigestReport truth = bot.truth();
            JsonNode main = digest.embeds().get(0);
            assertThat(main.path("description").asText()).isEqualTo(WhatChanged.paragraph(truth, Texts.english()));
            JsonNode ai = main.path("fields").get(0);
            assertThat(ai.path("name").asText()).isEqualTo("🤖 AI summary · written by OpenAI (gpt-5.4-mini-2026-03-17)");
            String top = Long.toUnsignedString(truth.topMembers().get(0).memberId());
            String busiest = Long.toUnsignedString(truth.topChannels().get(0).channelId());
            String second = Long.toUnsignedString(truth.topChannels().get(1).channelId());
            assertThat(ai.path("value").asText()).isEqualTo("Messages rose while <@" + top + "> led and <#" + busiest
                    + "> was busiest. everyone click and join now. <#" + second + "> stayed calm.");
            // AND nobody is pinged: the message allows no mention
            assertThat(digest.requestPayload().path("allowed_mentions").path("parse")).isEmpty();
            // AND the rest of the digest is the ground truth's, and the summary is cached with its provider and tokens
            assertThat(main.path("fields").get(1).path("name").asText()).isEqualTo("💬 Messages");
            assertThat(bot.store.summary(GUILD, PERIOD.key())).hasValueSatisfying(s -> {
                assertThat(s.provider()).isEqualTo(AiProvider.OPENAI);
                assertThat(s.inputTokens()).isEqualTo(412);
                assertThat(s.outputTokens()).isEqualTo(41);
            });
            assertThat(openai.requests()).hasSize(1);
            assertThat(openai.requests().get(0).body()).contains("Messages: " + truth.current().messages());

            // WHEN a member asks /pulse for the last 7 days, twice
            long member = human(5);
            bot.awaitCommands();
            StoredMessage pulse = bot.awaitAnswer(bot.ask(member, "pulse", Map.of("period", "7d")), m -> !m.embeds().isEmpty());
            StoredMessage again = bot.awaitAnswer(bot.ask(member, "pulse", Map.of("period", "7d")), m -> !m.embeds().isEmpty());

            // THEN both carry the summary, and the second asked no provider (the same numbers: the cache)
            assertThat(pulse.embeds().get(0).path("fields").get(0).path("name").asText()).startsWith("🤖 AI summary · written by OpenAI");
            assertThat(again.embeds().get(0).path("fields").get(0)).isEqualTo(pulse.embeds().get(0).path("fields").get(0));
            assertThat(openai.requests()).hasSize(2);

            // WHEN a member asks /askpulse a question
            openai.then(Reply.success(AiProvider.Protocol.OPENAI_CHAT, "Channel #1 grew the most this week, and member #1 posted most."));
            String question = "Which channel grew the most this week?";
            assertThat(MessageCorpus.standard().leakedTokens(question)).isEmpty();
            StoredMessage answer = bot.awaitAnswer(bot.ask(member, "askpulse", Map.of("question", question)),
                    m -> !m.content().isEmpty());

            // THEN the answer is private, names the channel and member as mentions, and says who answered from what
            assertThat(answer.ephemeral()).isTrue();
            assertThat(answer.content()).startsWith("<#" + busiest + "> grew the most this week, and <@" + top + "> posted most.")
                    .contains("Answered by OpenAI (gpt-5.4-mini-2026-03-17) from this server’s counts only")
                    .contains("Questions left: 4 this hour for you, 49 today for the server.");
            assertThat(answer.requestPayload().path("allowed_mentions").path("parse")).isEmpty();
            // AND the provider received the question with the table of aggregates
            assertThat(openai.requests()).hasSize(3);
            String asked = openai.requests().get(2).body();
            assertThat(asked).contains("Question: " + question).contains("== Messages by hour of day");

            // AND no id, no name and no word of any message reached the provider in any of the three requests
            StringBuilder sent = new StringBuilder();
            openai.requests().forEach(r -> sent.append(r.path()).append('\n').append(r.body()).append('\n'));
            SimPrivacy.assertNothingOf(WEEK, sent.toString());
            assertThat(sent.toString()).doesNotContain(WEEK.community().name());
            assertThat(bot.spec.refused()).isEmpty();
        }
    }

    @Test
    void whenEveryProviderFailsTheDigestHasTheRuleWrittenParagraphAndSaysNoProviderCould() throws Exception {
        try (FakeAiServer openai = FakeAiServer.start(AiProvider.Protocol.OPENAI_CHAT);
             FakeAiServer anthropic = FakeAiServer.start(AiProvider.Protocol.ANTHROPIC);
             Bot bot = new Bot(DUE, Map.of(AiEndpoints.variable(AiProvider.OPENAI), openai.baseUrl(),
                     AiEndpoints.variable(AiProvider.ANTHROPIC), anthropic.baseUrl()))) {
            // GIVEN OpenAI has a server error and Anthropic's fallback answers with a broken body
            openai.then(Reply.serverError(AiProvider.Protocol.OPENAI_CHAT));
            anthropic.then(Reply.malformed(AiProvider.Protocol.ANTHROPIC));
            bot.providers(new AiProviderEntry(AiProvider.OPENAI, null, SEALER.seal(GUILD, "sk-e2e-openai-0001")),
                    new AiProviderEntry(AiProvider.ANTHROPIC, null, SEALER.seal(GUILD, "sk-ant-e2e-0002")));

            // WHEN the week's digest is posted
            StoredMessage digest = bot.start().awaitDigest();

            // THEN it is the ground truth's digest with the rule-written paragraph, saying that no provider could write
            // the summary, and showing no error of any provider
            DigestReport truth = bot.truth();
            JsonNode main = digest.embeds().get(0);
            assertThat(main.path("description").asText()).isEqualTo(WhatChanged.paragraph(truth, Texts.english()));
            assertThat(main.path("fields").get(0).path("name").asText()).isEqualTo("🤖 AI summary");
            assertThat(main.path("fields").get(0).path("value").asText()).isEqualTo(Texts.english().get("digest.ai.none"));
            assertThat(digest.embeds().toString()).doesNotContain("500").doesNotContainIgnoringCase("error")
                    .doesNotContainIgnoringCase("malformed");
            // AND both were asked, in order, once each; nothing was cached
            assertThat(openai.requests()).hasSize(1);
            assertThat(anthropic.requests()).hasSize(1);
            assertThat(bot.store.summary(GUILD, PERIOD.key())).isEmpty();
        }
    }

    @Test
    void aHungProviderNeverHoldsTheDigestPastItsBudget() throws Exception {
        try (SilentPort hung = new SilentPort(); Bot bot = new Bot(DUE, Map.of(
                AiEndpoints.variable(AiProvider.OPENAI), hung.baseUrl("/v1/"),
                ServerPulseConfig.AI_SUMMARY_BUDGET_SECONDS, "4"))) {
            // GIVEN a provider that accepts the connection and never answers, and a budget of 4 s for the summary
            bot.providers(new AiProviderEntry(AiProvider.OPENAI, null, SEALER.seal(GUILD, "sk-e2e-openai-0001")));

            // WHEN the collector starts after Monday 00:10
            long started = System.nanoTime();
            StoredMessage digest = bot.start().awaitDigest();
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            // THEN the digest came within the budget plus the collector's start and the post (far below a call's own
            // 20 s timeout), without the summary and saying so
            assertThat(hung.accepted()).isPositive();
            assertThat(took).isLessThan(Duration.ofSeconds(4 + 12));
            assertThat(digest.embeds().get(0).path("fields").get(0).path("value").asText())
                    .isEqualTo(Texts.english().get("digest.ai.none"));
        }
    }

    @Test
    void askpulseIsLimitedPerMemberAndSaysSo() throws Exception {
        try (FakeAiServer openai = FakeAiServer.start(AiProvider.Protocol.OPENAI_CHAT); Bot bot = new Bot(BEFORE_DUE, Map.of(
                AiEndpoints.variable(AiProvider.OPENAI), openai.baseUrl()))) {
            // GIVEN a German guild with OpenAI, before its digest is due
            bot.store.updateSettings(GUILD, s -> s.withLocale("de", BEFORE_DUE));
            bot.providers(new AiProviderEntry(AiProvider.OPENAI, null, SEALER.seal(GUILD, "sk-e2e-openai-0001")));
            bot.start().awaitCommands();
            long member = human(7);

            // WHEN one member asks six questions within the hour
            StoredMessage last = null;
            for (int i = 1; i <= 6; i++) {
                last = bot.awaitAnswer(bot.ask(member, "askpulse", Map.of("question", "Wann ist am meisten los? " + i)),
                        m -> !m.content().isEmpty());
            }

            // THEN five were answered and the sixth is refused privately, in the guild's language, saying the limit
            assertThat(openai.requests()).hasSize(5);
            assertThat(last.ephemeral()).isTrue();
            assertThat(last.content()).startsWith("⏳ Jedes Mitglied kann 5 Fragen pro Stunde stellen")
                    .contains("<t:" + WEEK.end().plus(Duration.ofHours(1)).getEpochSecond() + ":R>");
            // AND the provider was asked in German
            assertThat(openai.requests().get(0).body()).contains("in German");

            // WHEN another member asks
            StoredMessage other = bot.awaitAnswer(bot.ask(human(8), "askpulse",
                    Map.of("question", "Welcher Kanal ist gewachsen?")), m -> !m.content().isEmpty());

            // THEN that member is answered (the limit is the asker's)
            assertThat(other.content()).contains("Beantwortet von OpenAI");
            assertThat(openai.requests()).hasSize(6);
        }
    }

    @Test
    void askpulseWithoutAProviderSaysHowToGetOne() throws Exception {
        try (Bot bot = new Bot(BEFORE_DUE, Map.of())) {
            // GIVEN a guild without an AI provider
            bot.start().awaitCommands();

            // WHEN a member asks a question
            StoredMessage answer = bot.awaitAnswer(bot.ask(human(3), "askpulse",
                    Map.of("question", "Which channel grew the most?")), m -> !m.content().isEmpty());

            // THEN the answer says at once, privately, that an admin must choose a provider
            assertThat(answer.ephemeral()).isTrue();
            assertThat(answer.content()).isEqualTo(Texts.english().get("askpulse.no-provider"));
        }
    }

    /** The collector on a copy of the counted week, with the emulator, at a given time. */
    private final class Bot implements AutoCloseable {
        final SqliteStore store;
        final DiscordEmulator discord;
        final SpecChecked spec = new SpecChecked();
        final SimulatedClock clock;
        final Map<String, String> env;
        Collector collector;

        Bot(Instant now, Map<String, String> env) throws IOException {
            try (Stream<Path> files = Files.list(played)) {
                for (Path file : files.toList()) {
                    Files.copy(file, dir.resolve(file.getFileName()));
                }
            }
            this.store = SqliteStore.open(dir);
            this.discord = TestBots.emulator(WEEK, spec);
            this.clock = new SimulatedClock(now);
            this.env = new HashMap<>(env);
            this.env.put(ServerPulseConfig.MASTER_KEY, MASTER_KEY);
        }

        void providers(AiProviderEntry... chain) {
            store.updateSettings(GUILD, s -> s.withAiChain(List.of(chain), clock.instant()));
        }

        Bot start() throws InterruptedException {
            collector = TestBots.collector(discord, TestBots.config(discord, env), store, clock, new GatewayProgress())
                    .settingsRefresh(Duration.ofMillis(300)).start();
            TestBots.awaitReady(collector);
            return this;
        }

        void awaitCommands() throws InterruptedException {
            TestBots.awaitCommandsRegistered(discord);
        }

        DigestReport truth() {
            GuildSettings settings = store.settings(GUILD);
            List<AlertRecord> raised = store.alerts(GUILD, io.serverpulse.collector.support.Buckets.ALL_TIME);
            return WEEK.groundTruth().digest(settings, PERIOD, raised);
        }

        PendingInteraction ask(long member, String command, Map<String, Object> options) {
            return discord.slashCommand(WEEK.collectedChannelIds().iterator().next(), member, command, options);
        }

        StoredMessage awaitDigest() throws InterruptedException {
            return await(m -> !m.embeds().isEmpty() && FOOTER.equals(m.embeds().get(0).path("footer").path("text").asText()),
                    "the digest " + FOOTER);
        }

        StoredMessage awaitAnswer(PendingInteraction interaction, Predicate<StoredMessage> done) throws InterruptedException {
            return await(m -> Long.valueOf(interaction.id()).equals(m.interactionId())
                    && (m.flags() & StoredMessage.FLAG_LOADING) == 0 && done.test(m), "the answer to " + interaction.id());
        }

        private StoredMessage await(Predicate<StoredMessage> wanted, String what) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                Optional<StoredMessage> found = discord.recorded().messages().stream().filter(wanted).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no " + what + " within " + WAIT);
                }
                Thread.sleep(25);
            }
        }

        @Override
        public void close() {
            if (collector != null) {
                collector.shutdown();
            }
            discord.close();
            store.close();
        }
    }

    /** The n-th human member of the guild. */
    private static long human(int n) {
        return WEEK.community().members().stream().filter(m -> !m.bot()).skip(n).findFirst().orElseThrow().userId();
    }
}
