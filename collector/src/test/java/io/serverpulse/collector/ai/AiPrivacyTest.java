package io.serverpulse.collector.ai;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.collector.support.SimPrivacy;
import io.serverpulse.common.ai.AiEndpoints;
import io.serverpulse.common.ai.AiProvider;
import io.serverpulse.common.ai.AiProviderEntry;
import io.serverpulse.common.ai.ProviderChain;
import io.serverpulse.common.ai.ProviderCheck;
import io.serverpulse.common.ai.SummaryInput;
import io.serverpulse.common.ai.SummaryInput.AlertEntry;
import io.serverpulse.common.ai.SummaryInput.Growth;
import io.serverpulse.common.ai.SummaryInput.Measure;
import io.serverpulse.common.ai.SummaryInput.Ranked;
import io.serverpulse.common.ai.SummaryInput.Sentiment;
import io.serverpulse.common.ai.SummaryInput.Total;
import io.serverpulse.common.ai.SummaryResult;
import io.serverpulse.common.ai.SummaryWriter;
import io.serverpulse.common.ai.client.HttpAiClient;
import io.serverpulse.common.crypto.SecretSealer;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.KeyCount;
import io.serverpulse.common.metrics.LeaderboardQuery;
import io.serverpulse.common.metrics.MemberCount;
import io.serverpulse.common.metrics.Period;
import io.serverpulse.common.metrics.TimeWindow;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.store.memory.InMemoryStore;
import io.serverpulse.common.testing.FakeAiServer;
import io.serverpulse.common.testing.FakeAiServer.Reply;
import io.serverpulse.emulator.model.Community;
import io.serverpulse.emulator.sim.GroundTruth;
import io.serverpulse.emulator.sim.MessageCorpus;
import io.serverpulse.emulator.sim.Scenarios;
import io.serverpulse.emulator.sim.SimulatedCommunity;
import io.serverpulse.emulator.timeline.TimelineEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What leaves for the AI providers holds no id, no name and no message text. A simulated week of a
 * guild (the emulator's community and corpus) is summarised from its true numbers — members and
 * channels with their real ids, emoji with their names — through all six providers (the first five
 * fail, so each of them receives the prompt), and {@code /ai-provider test} calls all six too; every
 * request body each local fake received is then searched for every id, name and corpus word of the
 * simulation.
 */
class AiPrivacyTest {

    private static final MessageCorpus CORPUS = MessageCorpus.standard();
    private static final SecretSealer SEALER = new SecretSealer("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    private final SimulatedCommunity sim = Scenarios.week(7, 20_000);
    private final Community guild = sim.community();
    private final GroundTruth truth = sim.groundTruth(false, Set.of(guild.guildId()));
    private final Map<AiProvider, FakeAiServer> fakes = new EnumMap<>(AiProvider.class);

    @AfterEach
    void stop() {
        fakes.values().forEach(FakeAiServer::close);
    }

    @Test
    void noIdNameOrMessageTextReachesAnyProvider() {
        // GIVEN the six providers, the first five failing in the ways providers fail
        AiEndpoints endpoints = AiEndpoints.defaults();
        List<AiProviderEntry> chain = new ArrayList<>();
        for (AiProvider provider : List.of(AiProvider.OPENAI, AiProvider.GROK, AiProvider.OPENROUTER, AiProvider.GROQ,
                AiProvider.GEMINI, AiProvider.ANTHROPIC)) {
            FakeAiServer fake = FakeAiServer.start(provider.protocol());
            fakes.put(provider, fake);
            endpoints = endpoints.with(provider, fake.baseUrl());
            chain.add(new AiProviderEntry(provider, null, SEALER.seal(guild.guildId(), "key-of-" + provider.option() + "-123")));
        }
        fakes.get(AiProvider.OPENAI).then(Reply.serverError(AiProvider.Protocol.OPENAI_CHAT));
        fakes.get(AiProvider.GROK).then(Reply.rateLimited(AiProvider.Protocol.OPENAI_CHAT, 120));
        fakes.get(AiProvider.OPENROUTER).then(Reply.fixture(AiProvider.Protocol.OPENAI_CHAT, "openrouter-no-credit.json", 402));
        fakes.get(AiProvider.GROQ).then(Reply.malformed(AiProvider.Protocol.OPENAI_CHAT));
        fakes.get(AiProvider.GEMINI).then(Reply.fixture(AiProvider.Protocol.GEMINI, "bad-key.json", 400));
        GuildSettings settings = GuildSettings.defaults(guild.guildId()).withAiChain(chain, sim.end());
        HttpAiClient client = new HttpAiClient(endpoints);

        // WHEN the week is summarised from its true numbers, and every provider is tested
        SummaryInput input = summaryOf(sim, truth);
        SummaryResult result = new SummaryWriter(new ProviderChain(client, Optional.of(SEALER)), new InMemoryStore(),
                Clock.fixed(sim.end(), ZoneOffset.UTC), ProviderChain.Policy.summaries())
                .summarize(settings, "weekly:test", input, () -> "rules");
        new ProviderCheck(client, Optional.of(SEALER)).checkAll(guild.guildId(), settings.aiChain());

        // THEN Anthropic, the sixth, wrote the summary, and every provider received the prompt and the test
        assertThat(result.provider()).contains(AiProvider.ANTHROPIC);
        StringBuilder sent = new StringBuilder();
        fakes.forEach((provider, fake) -> {
            assertThat(fake.requests()).as(provider.option()).hasSize(2);
            fake.requests().forEach(r -> sent.append(r.path()).append('\n').append(r.body()).append('\n'));
        });
        // ... holding the week's numbers, by rank
        long messages = truth.total(guild.guildId(), Counter.MESSAGES);
        assertThat(sent).contains("Messages: " + messages).contains("member #1 ").contains("channel #1 ");
        // AND no id, no name and no word of any message is in any of it
        SimPrivacy.assertNothingOf(sim, sent.toString());
    }

    @Test
    void theScanWouldFindALeak() {
        // GIVEN the simulation's words, ids and names in a text
        String leaky = sim.events().stream().filter(e -> e instanceof TimelineEvent.MessageCreate).limit(50)
                .map(e -> ((TimelineEvent.MessageCreate) e).content()).collect(Collectors.joining(" "))
                + " " + SimPrivacy.ids(sim).iterator().next() + " " + guild.name();

        // THEN the same checks find them
        assertThat(CORPUS.leakedTokens(leaky)).isNotEmpty();
        assertThat(SimPrivacy.ids(sim)).anySatisfy(id -> assertThat(leaky).contains(id));
        assertThat(leaky).contains(guild.name());
    }

    /**
     * The week's true numbers as the digest will hand them over: members and channels by rank (their
     * ids known here, dropped in the mapping), totals, growth, alerts and sentiment.
     */
    static SummaryInput summaryOf(SimulatedCommunity sim, GroundTruth truth) {
        long guildId = sim.community().guildId();
        TimeWindow week = new TimeWindow(sim.start(), sim.end());
        List<MemberCount> members = truth.topMembers(new LeaderboardQuery(guildId, BucketKey.ALL_CHANNELS, Counter.MESSAGES,
                Period.ALL_TIME, sim.end(), 5));
        List<KeyCount> channels = truth.totals(BucketKind.CHANNEL_HOUR, guildId, Counter.MESSAGES, week, 5);
        List<KeyCount> emoji = truth.totals(BucketKind.EMOJI_DAY, guildId, Counter.REACTIONS, week, 3);
        long joins = truth.joinsPerDay(guildId).values().stream().mapToLong(Long::longValue).sum();
        long leaves = truth.leavesPerDay(guildId).values().stream().mapToLong(Long::longValue).sum();
        return new SummaryInput("weekly", "en",
                List.of(new Total(Measure.MESSAGES, truth.total(guildId, Counter.MESSAGES), null),
                        new Total(Measure.REACTIONS, truth.total(guildId, Counter.REACTIONS), null),
                        new Total(Measure.VOICE_MINUTES, truth.total(guildId, Counter.VOICE_SECONDS) / 60, null)),
                ranked(members.stream().map(MemberCount::count).toList()),
                ranked(channels.stream().map(KeyCount::count).toList()),
                List.of(),
                ranked(emoji.stream().map(KeyCount::count).toList()),
                null, new Growth(joins, leaves, null, null),
                sim.incidents().stream().map(i -> new AlertEntry(i.type(), i.start().atZone(ZoneOffset.UTC).getDayOfWeek(),
                        i.start().atZone(ZoneOffset.UTC).getHour())).toList(),
                new Sentiment(truth.total(guildId, Counter.SENTIMENT_POSITIVE), truth.total(guildId, Counter.SENTIMENT_NEUTRAL),
                        truth.total(guildId, Counter.SENTIMENT_NEGATIVE)));
    }

    private static List<Ranked> ranked(List<Long> counts) {
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            ranked.add(new Ranked(i + 1, counts.get(i), null));
        }
        return ranked;
    }
}
