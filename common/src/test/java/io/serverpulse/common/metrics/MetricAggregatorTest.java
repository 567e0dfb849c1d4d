package io.serverpulse.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.metrics.ActivityEvent.MemberJoined;
import io.serverpulse.common.metrics.ActivityEvent.MessagePosted;
import io.serverpulse.common.metrics.ActivityEvent.MessagesDeleted;
import io.serverpulse.common.metrics.ActivityEvent.ReactionAdded;
import io.serverpulse.common.metrics.ActivityEvent.VoiceTime;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MetricAggregatorTest {

    private static final long GUILD = 1_000L;
    private static final long CHANNEL = 2_000L;
    private static final long MEMBER = 3_000L;
    private static final Instant T = Instant.parse("2026-11-28T10:15:30Z");

    @Test
    void aThousandMessagesBecomeFiveBucketWrites() {
        // GIVEN one member posting 1,000 messages within one hour
        MetricAggregator aggregator = new MetricAggregator(() -> "batch-1");
        for (int i = 0; i < 1000; i++) {
            aggregator.add(new MessagePosted(GUILD, CHANNEL, MEMBER, T.plusSeconds(i % 60)));
        }

        // WHEN drained
        MetricBatch batch = aggregator.drain();

        // THEN it is one batch of five bucket increments, each counting 1,000
        assertThat(batch.batchId()).isEqualTo("batch-1");
        Map<BucketKey, Long> messages = batch.increments().stream()
                .collect(Collectors.toMap(Increment::key, i -> i.delta(Counter.MESSAGES)));
        assertThat(messages).containsOnly(
                Map.entry(BucketKey.channelHour(GUILD, CHANNEL, T), 1000L),
                Map.entry(BucketKey.memberHour(GUILD, CHANNEL, MEMBER, T), 1000L),
                Map.entry(BucketKey.memberHour(GUILD, BucketKey.ALL_CHANNELS, MEMBER, T), 1000L),
                Map.entry(BucketKey.memberDay(GUILD, CHANNEL, MEMBER, T), 1000L),
                Map.entry(BucketKey.memberDay(GUILD, BucketKey.ALL_CHANNELS, MEMBER, T), 1000L));
    }

    @Test
    void drainingStartsAFreshBatchWithANewId() {
        // GIVEN an aggregator that handed over a batch
        int[] n = {0};
        MetricAggregator aggregator = new MetricAggregator(() -> "b" + (++n[0]));
        aggregator.add(new MemberJoined(GUILD, MEMBER, T));
        assertThat(aggregator.pendingEvents()).isEqualTo(1);
        assertThat(aggregator.drain().batchId()).isEqualTo("b1");

        // WHEN drained again with nothing new
        MetricBatch next = aggregator.drain();

        // THEN the next batch is empty and has its own id
        assertThat(next.isEmpty()).isTrue();
        assertThat(next.batchId()).isEqualTo("b2");
        assertThat(aggregator.pendingEvents()).isZero();
    }

    @Test
    void reactionsCountForTheReactorAndTheEmoji() {
        // GIVEN two reactions with the same emoji
        MetricAggregator aggregator = new MetricAggregator();
        aggregator.add(new ReactionAdded(GUILD, CHANNEL, MEMBER, "🔥", T));
        aggregator.add(new ReactionAdded(GUILD, CHANNEL, MEMBER + 1, "🔥", T.plusSeconds(5)));

        // WHEN drained
        MetricBatch batch = aggregator.drain();

        // THEN the emoji bucket counts both, each member one
        assertThat(deltaOf(batch, BucketKey.emojiDay(GUILD, "🔥", T), Counter.REACTIONS)).isEqualTo(2);
        assertThat(deltaOf(batch, BucketKey.memberDay(GUILD, BucketKey.ALL_CHANNELS, MEMBER, T), Counter.REACTIONS)).isEqualTo(1);
        assertThat(deltaOf(batch, BucketKey.channelHour(GUILD, CHANNEL, T), Counter.REACTIONS)).isEqualTo(2);
    }

    @Test
    void aBulkDeleteCountsEachMessageAndJoinsAreGuildWide() {
        // GIVEN a bulk delete of 40 messages, a single delete and a join
        MetricAggregator aggregator = new MetricAggregator();
        aggregator.add(new MessagesDeleted(GUILD, CHANNEL, 40, T));
        aggregator.add(new MessagesDeleted(GUILD, CHANNEL, 1, T));
        aggregator.add(new MemberJoined(GUILD, MEMBER, T));

        // WHEN drained
        MetricBatch batch = aggregator.drain();

        // THEN deletions are 41 in the channel's hour and the join is in the guild-wide row
        assertThat(deltaOf(batch, BucketKey.channelHour(GUILD, CHANNEL, T), Counter.DELETIONS)).isEqualTo(41);
        assertThat(deltaOf(batch, BucketKey.channelHour(GUILD, BucketKey.GUILD_WIDE, T), Counter.JOINS)).isEqualTo(1);
    }

    @Test
    void voiceTimeIsSplitOverTheHoursItSpans() {
        // GIVEN 10:50:00 → 12:05:00 in voice
        MetricAggregator aggregator = new MetricAggregator();
        Instant from = Instant.parse("2026-11-28T10:50:00Z");
        aggregator.add(new VoiceTime(GUILD, CHANNEL, MEMBER, from, Instant.parse("2026-11-28T12:05:00Z")));

        // WHEN drained
        MetricBatch batch = aggregator.drain();

        // THEN 10 minutes, 60 minutes and 5 minutes land in three hours
        assertThat(deltaOf(batch, BucketKey.channelHour(GUILD, CHANNEL, from), Counter.VOICE_SECONDS)).isEqualTo(600);
        assertThat(deltaOf(batch, BucketKey.channelHour(GUILD, CHANNEL, from.plusSeconds(3600)), Counter.VOICE_SECONDS)).isEqualTo(3600);
        assertThat(deltaOf(batch, BucketKey.channelHour(GUILD, CHANNEL, from.plusSeconds(7200)), Counter.VOICE_SECONDS)).isEqualTo(300);
        // AND the member's all-channel hours and day hold the same seconds (top voice members, active members)
        assertThat(deltaOf(batch, BucketKey.memberHour(GUILD, BucketKey.ALL_CHANNELS, MEMBER, from), Counter.VOICE_SECONDS))
                .isEqualTo(600);
        assertThat(deltaOf(batch, BucketKey.memberHour(GUILD, BucketKey.ALL_CHANNELS, MEMBER, from.plusSeconds(7200)),
                Counter.VOICE_SECONDS)).isEqualTo(300);
        assertThat(deltaOf(batch, BucketKey.memberDay(GUILD, BucketKey.ALL_CHANNELS, MEMBER, from), Counter.VOICE_SECONDS))
                .isEqualTo(4500);
        // AND no per-channel member bucket: voice channels are not ranked like text channels
        assertThat(batch.increments()).noneMatch(i -> i.key().memberId() == MEMBER && i.key().channelId() == CHANNEL);
    }

    private static long deltaOf(MetricBatch batch, BucketKey key, Counter counter) {
        return batch.increments().stream().filter(i -> i.key().equals(key)).mapToLong(i -> i.delta(counter)).sum();
    }
}
