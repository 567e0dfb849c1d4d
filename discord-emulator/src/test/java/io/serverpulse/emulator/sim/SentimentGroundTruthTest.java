package io.serverpulse.emulator.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serverpulse.common.metrics.ActivityEvent.Sentiment;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.emulator.timeline.TimelineEvent;
import io.serverpulse.emulator.timeline.TimelineEvent.MessageCreate;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The sentiment counts of the ground truth: only when asked for, only for opted-in guilds, by the texts' moods. */
class SentimentGroundTruthTest {

    private static final List<Counter> SENTIMENT = List.of(Counter.SENTIMENT_POSITIVE, Counter.SENTIMENT_NEUTRAL,
            Counter.SENTIMENT_NEGATIVE);

    private final SimulatedCommunity sim = Scenarios.small(7);
    private final long guild = sim.community().guildId();

    @Test
    void without_asking_no_bucket_has_a_sentiment_counter() {
        // GIVEN / WHEN the truth as existing callers compute it
        GroundTruth truth = sim.groundTruth();

        // THEN no bucket carries a sentiment counter
        assertThat(truth.buckets().values()).noneMatch(counters -> SENTIMENT.stream().anyMatch(counters::containsKey));
    }

    @Test
    void an_opted_in_guild_gets_one_sentiment_count_per_counted_message_by_its_texts_mood() {
        // GIVEN the truth with and without the guild opted in
        GroundTruth plain = sim.groundTruth(false);
        GroundTruth opted = sim.groundTruth(false, Set.of(guild));

        // WHEN the counted messages' moods are tallied per channel-hour independently
        Map<BucketKey, Map<Counter, Long>> expected = new HashMap<>();
        for (TimelineEvent event : sim.events()) {
            if (event instanceof MessageCreate m && sim.collectedChannelIds().contains(m.channelId()) && !m.bot()) {
                expected.computeIfAbsent(BucketKey.channelHour(m.guildId(), m.channelId(), m.at()), k -> new EnumMap<>(Counter.class))
                        .merge(MessageCorpus.standard().mood(m.content()).counter(), 1L, Long::sum);
            }
        }

        // THEN every channel-hour's sentiment counters equal that tally and add up to its messages
        Map<BucketKey, Map<Counter, Long>> actual = new HashMap<>();
        opted.buckets().forEach((key, counters) -> SENTIMENT.forEach(c -> {
            if (counters.containsKey(c)) {
                actual.computeIfAbsent(key, k -> new EnumMap<>(Counter.class)).put(c, counters.get(c));
            }
        }));
        assertThat(actual).isEqualTo(expected);
        opted.buckets().forEach((key, counters) -> {
            if (key.kind() == BucketKind.CHANNEL_HOUR && counters.containsKey(Counter.MESSAGES)) {
                long sentiment = SENTIMENT.stream().mapToLong(c -> counters.getOrDefault(c, 0L)).sum();
                assertThat(sentiment).as(key.toString()).isEqualTo(counters.get(Counter.MESSAGES));
            }
        });
        // all three classes occur, and nothing else changed
        Map<Sentiment, Long> totals = new EnumMap<>(Sentiment.class);
        for (Sentiment s : Sentiment.values()) {
            totals.put(s, opted.total(guild, s.counter()));
        }
        assertThat(totals).allSatisfy((mood, n) -> assertThat(n).isGreaterThan(10));
        assertThat(opted.total(guild, Counter.MESSAGES)).isEqualTo(plain.total(guild, Counter.MESSAGES));
        opted.buckets().forEach((key, counters) -> {
            Map<Counter, Long> without = new EnumMap<>(Counter.class);
            counters.forEach((c, n) -> {
                if (!SENTIMENT.contains(c)) {
                    without.put(c, n);
                }
            });
            assertThat(without).as(key.toString()).isEqualTo(plain.buckets().get(key));
        });
    }

    @Test
    void a_guild_not_in_the_opted_in_set_gets_none() {
        // GIVEN / WHEN the truth with another guild opted in
        GroundTruth truth = sim.groundTruth(false, Set.of(guild + 1));

        // THEN it equals the truth without sentiment
        assertThat(truth.buckets()).isEqualTo(sim.groundTruth(false).buckets());
    }

    @Test
    void a_message_that_is_not_a_corpus_sentence_cannot_be_scored_by_the_truth() throws IOException {
        // GIVEN the hand-written fixture, whose messages are not corpus sentences
        SimulatedCommunity fixture;
        try (Reader in = new InputStreamReader(Objects.requireNonNull(
                getClass().getResourceAsStream("/timelines/fixture-guild.jsonl")), StandardCharsets.UTF_8)) {
            fixture = TimelineJson.read(in);
        }

        // WHEN / THEN asking for its sentiment fails clearly, while the plain truth works
        assertThat(fixture.groundTruth(false).buckets()).isNotEmpty();
        assertThatThrownBy(() -> fixture.groundTruth(false, Set.of(fixture.community().guildId())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a sentence of the corpus");
    }
}
