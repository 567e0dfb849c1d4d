package io.serverpulse.common.digest;

import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.metrics.KeyCount;
import io.serverpulse.common.metrics.MemberCount;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a digest says about one guild and one period, as numbers: built from the stored buckets by
 * {@link DigestBuilder}, shown by {@link DigestView} and the charts. Holds ids, never names.
 *
 * @param current      the period's totals
 * @param previous     the previous period's totals
 * @param topMembers   most messages first (ties by member id), at most {@link DigestBuilder#TOP}
 * @param channels     every channel with messages in either period, most messages in this one first (ties by id)
 * @param topVoice     most voice seconds first (ties by member id), at most {@link DigestBuilder#TOP}
 * @param topEmoji     most reactions first (ties by emoji), at most {@link DigestBuilder#TOP}
 * @param heatmap      messages per local weekday and hour
 * @param peak         the busiest local weekday and hour, empty when nothing was posted
 * @param activity     messages per step of the period ({@link DigestPeriod.Kind#step()}), from its start
 * @param previousActivity the same for the previous period
 * @param newMembers   how the members who joined in the previous period did in this one
 * @param alerts       the alerts that started in the period, oldest first
 * @param sentiment    the sentiment counts, present only when the guild has opted in
 */
public record DigestReport(long guildId, DigestPeriod period, Totals current, Totals previous, List<MemberCount> topMembers,
                           List<ChannelCount> channels, List<MemberCount> topVoice, List<KeyCount> topEmoji, Heatmap heatmap,
                           Optional<Peak> peak, List<Long> activity, List<Long> previousActivity, NewMembers newMembers,
                           List<AlertRecord> alerts, Optional<Sentiment> sentiment) {

    public DigestReport {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(previous, "previous");
        topMembers = List.copyOf(topMembers);
        channels = List.copyOf(channels);
        topVoice = List.copyOf(topVoice);
        topEmoji = List.copyOf(topEmoji);
        Objects.requireNonNull(heatmap, "heatmap");
        Objects.requireNonNull(peak, "peak");
        activity = List.copyOf(activity);
        previousActivity = List.copyOf(previousActivity);
        Objects.requireNonNull(newMembers, "newMembers");
        alerts = List.copyOf(alerts);
        Objects.requireNonNull(sentiment, "sentiment");
    }

    /** The channels with the most messages in the period, at most {@link DigestBuilder#TOP}. */
    public List<ChannelCount> topChannels() {
        return channels.stream().filter(c -> c.messages() > 0).limit(DigestBuilder.TOP).toList();
    }

    /** Whether anything at all was counted in the period. */
    public boolean quiet() {
        return current.isEmpty();
    }

    /**
     * A period's totals. {@code activeMembers}: members who posted, reacted or were in voice.
     * {@code voiceSeconds} includes bots in voice, as Discord reports them.
     */
    public record Totals(long messages, long reactions, long activeMembers, long voiceSeconds, long joins, long leaves) {

        public static final Totals NONE = new Totals(0, 0, 0, 0, 0, 0);

        public long voiceMinutes() {
            return voiceSeconds / 60;
        }

        public long netGrowth() {
            return joins - leaves;
        }

        public boolean isEmpty() {
            return messages == 0 && reactions == 0 && activeMembers == 0 && voiceSeconds == 0 && joins == 0 && leaves == 0;
        }
    }

    /** A channel's messages in the period and in the previous one. */
    public record ChannelCount(long channelId, long messages, long previousMessages) {

        public long change() {
            return messages - previousMessages;
        }
    }

    /** Of the members who joined in the previous period, how many were active in this one. */
    public record NewMembers(long joined, long active) {

        public static final NewMembers NONE = new NewMembers(0, 0);

        public NewMembers {
            if (active > joined || active < 0) {
                throw new IllegalArgumentException("active " + active + " of " + joined + " joined");
            }
        }

        public double share() {
            return joined == 0 ? 0 : (double) active / joined;
        }
    }

    /** The busiest local weekday and hour: {@code from} is the local time the hour starts (xx:30 in a half-hour zone). */
    public record Peak(DayOfWeek day, LocalTime from, long messages) {
    }

    /** Positive, neutral and negative messages scored in the period. */
    public record Sentiment(long positive, long neutral, long negative) {

        public long total() {
            return positive + neutral + negative;
        }

        public double share(long count) {
            return total() == 0 ? 0 : (double) count / total();
        }
    }

    /** Messages per local weekday (Monday first) and hour of the day: {@code cells.get(day * 24 + hour)}. */
    public record Heatmap(List<Long> cells) {

        public static final int DAYS = 7;
        public static final int HOURS = 24;

        public Heatmap {
            if (cells.size() != DAYS * HOURS) {
                throw new IllegalArgumentException("a heatmap has " + DAYS * HOURS + " cells: " + cells.size());
            }
            cells = List.copyOf(cells);
        }

        public long get(DayOfWeek day, int hour) {
            return cells.get((day.getValue() - 1) * HOURS + hour);
        }

        public long max() {
            return cells.stream().mapToLong(Long::longValue).max().orElse(0);
        }
    }
}
