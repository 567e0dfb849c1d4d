package io.serverpulse.common.commands.sentiment;

import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.KeyCount;
import io.serverpulse.common.metrics.MetricsStore;
import io.serverpulse.common.metrics.Period;
import io.serverpulse.common.metrics.TimeWindow;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A guild's sentiment counts over a period: overall, and for the channels with the most scored messages.
 * Read with three grouped totals (one per counter) from the channel-hour buckets, so the cost grows with
 * channels, never with messages or hours.
 *
 * @param channels the busiest channels by scored messages, most first, ties by channel id; at most
 *     {@link #TOP_CHANNELS}
 */
public record SentimentSummary(Period period, Counts overall, List<ChannelCounts> channels) {

    /** How many channels the summary lists. */
    public static final int TOP_CHANNELS = 5;
    /** Channels read per counter: far above Discord's 500 channels per guild, so the overall total is complete. */
    static final int MAX_CHANNELS = 10_000;

    public SentimentSummary {
        channels = List.copyOf(channels);
    }

    /** Positive, neutral and negative counts of one scope. */
    public record Counts(long positive, long neutral, long negative) {

        public static final Counts NONE = new Counts(0, 0, 0);

        public long total() {
            return positive + neutral + negative;
        }

        /** The share of {@code count} in {@link #total()}, 0 when nothing was counted. */
        public double share(long count) {
            long total = total();
            return total == 0 ? 0 : (double) count / total;
        }

        Counts plus(Counts other) {
            return new Counts(positive + other.positive, neutral + other.neutral, negative + other.negative);
        }

        static Counts of(Counter counter, long count) {
            return switch (counter) {
                case SENTIMENT_POSITIVE -> new Counts(count, 0, 0);
                case SENTIMENT_NEUTRAL -> new Counts(0, count, 0);
                case SENTIMENT_NEGATIVE -> new Counts(0, 0, count);
                default -> throw new IllegalArgumentException("not a sentiment counter: " + counter);
            };
        }
    }

    public record ChannelCounts(long channelId, Counts counts) {
    }

    public boolean isEmpty() {
        return overall.total() == 0;
    }

    public static SentimentSummary load(MetricsStore store, long guildId, Period period, Instant now) {
        TimeWindow window = period.window(now);
        Map<Long, Counts> byChannel = new TreeMap<>();
        for (Counter counter : List.of(Counter.SENTIMENT_POSITIVE, Counter.SENTIMENT_NEUTRAL, Counter.SENTIMENT_NEGATIVE)) {
            for (KeyCount total : store.totals(BucketKind.CHANNEL_HOUR, guildId, counter, window, MAX_CHANNELS)) {
                byChannel.merge(Long.parseLong(total.key()), Counts.of(counter, total.count()), Counts::plus);
            }
        }
        Counts overall = byChannel.values().stream().reduce(Counts.NONE, Counts::plus);
        List<ChannelCounts> top = byChannel.entrySet().stream()
                .map(entry -> new ChannelCounts(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparingLong((ChannelCounts c) -> c.counts().total()).reversed()
                        .thenComparingLong(ChannelCounts::channelId))
                .limit(TOP_CHANNELS)
                .toList();
        return new SentimentSummary(period, overall, top);
    }
}
