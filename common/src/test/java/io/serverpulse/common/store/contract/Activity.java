package io.serverpulse.common.store.contract;

import io.serverpulse.common.metrics.ActivityEvent;
import io.serverpulse.common.metrics.ActivityEvent.MemberJoined;
import io.serverpulse.common.metrics.ActivityEvent.MemberLeft;
import io.serverpulse.common.metrics.ActivityEvent.MessagePosted;
import io.serverpulse.common.metrics.ActivityEvent.MessagesDeleted;
import io.serverpulse.common.metrics.ActivityEvent.ReactionAdded;
import io.serverpulse.common.metrics.ActivityEvent.VoiceJoined;
import io.serverpulse.common.metrics.ActivityEvent.VoiceTime;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketRow;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.Increment;
import io.serverpulse.common.metrics.MetricAggregator;
import io.serverpulse.common.metrics.MetricBatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds activity for the contract tests and folds it into a batch through the real aggregator. */
final class Activity {

    private final List<ActivityEvent> events = new ArrayList<>();

    Activity messages(long guildId, long channelId, long memberId, Instant at, int count) {
        for (int i = 0; i < count; i++) {
            events.add(new MessagePosted(guildId, channelId, memberId, at));
        }
        return this;
    }

    Activity reactions(long guildId, long channelId, long memberId, String emoji, Instant at, int count) {
        for (int i = 0; i < count; i++) {
            events.add(new ReactionAdded(guildId, channelId, memberId, emoji, at));
        }
        return this;
    }

    Activity deletions(long guildId, long channelId, Instant at, int count) {
        events.add(new MessagesDeleted(guildId, channelId, count, at));
        return this;
    }

    Activity joins(long guildId, long memberId, Instant at) {
        events.add(new MemberJoined(guildId, memberId, at));
        return this;
    }

    Activity leaves(long guildId, long memberId, Instant at) {
        events.add(new MemberLeft(guildId, memberId, at));
        return this;
    }

    Activity voice(long guildId, long channelId, long memberId, Instant from, Instant to) {
        events.add(new VoiceJoined(guildId, channelId, memberId, from));
        events.add(new VoiceTime(guildId, channelId, memberId, from, to));
        return this;
    }

    MetricBatch batch(String batchId) {
        MetricAggregator aggregator = new MetricAggregator(() -> batchId);
        events.forEach(aggregator::add);
        return aggregator.drain();
    }

    /** The rows a fresh store must hold after each of {@code batches} was applied exactly once. */
    static List<BucketRow> rowsOf(MetricBatch... batches) {
        Map<BucketKey, EnumMap<Counter, Long>> sums = new LinkedHashMap<>();
        for (MetricBatch batch : batches) {
            for (Increment increment : batch.increments()) {
                EnumMap<Counter, Long> counters = sums.computeIfAbsent(increment.key(), k -> new EnumMap<>(Counter.class));
                increment.deltas().forEach((counter, delta) -> counters.merge(counter, delta, Long::sum));
            }
        }
        return sums.entrySet().stream().map(e -> new BucketRow(e.getKey(), e.getValue())).toList();
    }
}
