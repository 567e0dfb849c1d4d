package io.serverpulse.common.alerts.detect;

import io.serverpulse.common.alerts.AlertFacts;
import io.serverpulse.common.alerts.AlertMessage;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertRule;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.alerts.Severity;
import io.serverpulse.common.i18n.Texts;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.BucketRow;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code ACTIVITY_DROP} rule as a pure function over hourly message counts. Drops are not
 * detected in real time but checked once an hour ({@link ActivityDropWatch}): by the self-hosted
 * collector in-process, in the AWS mode by {@code alert-function}.
 *
 * <p>The baseline is <em>seasonal</em>: communities are much quieter at night than in the evening,
 * so the last window is compared with the same UTC hours of the previous days, not with the
 * trailing day. Precisely, with {@code w} = the rule's window in whole hours ({@link #windowHours})
 * and {@code E} = the end of the observed window (an hour boundary; only complete hours count):
 * <ul>
 *   <li>observed = messages in {@code [E - w h, E)};</li>
 *   <li>a previous day {@code k} (1 to {@value #DAYS}) <em>counts</em> if the 24 hours ending at
 *       {@code E - k days} hold at least one message: a day with none at all is taken as one on
 *       which the guild was not collected (before its channels were whitelisted, or the collector
 *       was down), not as a silent day;</li>
 *   <li>usual = the mean, over the counted days, of the messages in {@code [E - k days - w h, E - k days)};</li>
 *   <li>the rule fires when it is enabled, at least one day counts, usual ≥ {@code threshold},
 *       observed &lt; {@code factor} × usual, and observed ≤ usual − 4 √usual (beyond chance
 *       variation, {@link #NOISE_MARGIN}: it matters only for small guilds).</li>
 * </ul>
 * An hour with no stored row had no messages.
 */
public final class ActivityDropCheck {

    /** How many previous days the usual level is taken from, at most. */
    public static final int DAYS = 7;

    /**
     * How many standard deviations of ordinary chance variation a drop must also exceed. Message
     * counts per hour vary at least like a Poisson count (standard deviation √usual), so a small
     * guild's hour falls under half its usual by chance alone now and then (usual 25: 10 or fewer in
     * about 1 hour in 900). Four √usual makes chance drops about two in a million hours for such a
     * guild (usual 25 needs 5 or fewer) while leaving busy guilds to the factor (usual 100 needs
     * under 50 either way). Measured on simulated Poisson communities in
     * {@code ActivityDropCheckPropertyTest}.
     */
    static final double NOISE_MARGIN = 4.0;

    private static final int HOURS_PER_DAY = 24;
    /** Hourly counts a check reads: the observed day and the {@link #DAYS} before it. */
    static final int HOURS = (DAYS + 1) * HOURS_PER_DAY;

    private ActivityDropCheck() {
    }

    /**
     * The outcome of one check.
     *
     * @param dropped whether the rule fires
     * @param observed messages in the observed window
     * @param usual the mean of the same window on the counted previous days (0 when none counts)
     * @param days how many previous days counted (0 to {@link #DAYS})
     * @param window the observed window
     */
    public record Result(boolean dropped, long observed, double usual, int days, TimeWindow window) {

        /** Whole hours the observed window covers. */
        public long hours() {
            return Duration.between(window.from(), window.to()).toHours();
        }

        /**
         * The numbers as a sentence: "usually 120 messages at this hour (over 6 previous days), 9
         * in the last hour"; for longer windows "usually 200 messages in these 2 h (…), 30 in the
         * last 2 h"; without a counted day "no usual level for this hour yet, 9 in the last hour".
         */
        public String summary() {
            return summary(Texts.english());
        }

        /** {@link #summary()} in the language of {@code texts} ({@link AlertMessage#context}). */
        public String summary(Texts texts) {
            return AlertMessage.context(facts(), texts);
        }

        /** The numbers of this check, for the wording of a context sentence. */
        public AlertFacts.DropObserved facts() {
            return new AlertFacts.DropObserved(observed, usual, days, hours());
        }

        /**
         * The alert for a drop, ongoing, started at the window's start: severity by how far under
         * the alert level ({@code factor × usual}) it fell; the context is {@link #summary()}.
         */
        public Optional<AlertRecord> toAlert(long guildId, AlertRule rule) {
            return toAlert(guildId, rule, Texts.english());
        }

        /** {@link #toAlert(long, AlertRule)} with the context in the language of {@code texts}. */
        public Optional<AlertRecord> toAlert(long guildId, AlertRule rule, Texts texts) {
            if (!dropped) {
                return Optional.empty();
            }
            double level = rule.factor() * usual;
            Severity severity = Severities.of(level, Math.max(observed, 0.5));
            return Optional.of(new AlertRecord(AlertRecord.idFor(guildId, AlertType.ACTIVITY_DROP, window.from()), guildId,
                    AlertType.ACTIVITY_DROP, severity, window.from(), null, List.of(), observed, usual, summary(texts)));
        }
    }

    /** Whole hours the rule's window covers (rounded up, at least 1, at most 24). */
    public static int windowHours(AlertRule rule) {
        long hours = (rule.window().toMillis() + Duration.ofHours(1).toMillis() - 1) / Duration.ofHours(1).toMillis();
        return (int) Math.max(1, Math.min(hours, HOURS_PER_DAY));
    }

    /**
     * The hour-bucket starts to read for a check whose observed window ends at the hour of
     * {@code now} (truncated): the {@value #DAYS} days before that day plus the day itself, i.e.
     * {@code [E - 8 days, E)}. The same for every rule (a window is at most 24 h).
     */
    public static TimeWindow lookback(AlertRule rule, Instant now) {
        Objects.requireNonNull(rule, "rule");
        Instant end = now.truncatedTo(ChronoUnit.HOURS);
        return new TimeWindow(end.minus(Duration.ofHours(HOURS)), end);
    }

    /**
     * Checks from hourly counts, oldest first: exactly {@code 8 × 24} of them, the last ending at
     * {@code windowEnd}.
     *
     * @param windowEnd the end of the observed window (an hour boundary)
     */
    public static Result check(AlertRule rule, long[] hourlyMessages, Instant windowEnd) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(windowEnd, "windowEnd");
        if (hourlyMessages.length != HOURS) {
            throw new IllegalArgumentException("expected " + HOURS + " hourly counts (the observed day and the " + DAYS
                    + " before it), got " + hourlyMessages.length);
        }
        for (long count : hourlyMessages) {
            if (count < 0) {
                throw new IllegalArgumentException("message counts cannot be negative: " + count);
            }
        }
        int w = windowHours(rule);
        long observed = sum(hourlyMessages, HOURS - w, HOURS);
        long usualTotal = 0;
        int days = 0;
        for (int k = 1; k <= DAYS; k++) {
            int end = HOURS - k * HOURS_PER_DAY;
            if (sum(hourlyMessages, end - HOURS_PER_DAY, end) > 0) {
                days++;
                usualTotal += sum(hourlyMessages, end - w, end);
            }
        }
        double usual = days == 0 ? 0 : usualTotal / (double) days;
        boolean dropped = rule.enabled() && days > 0 && usual >= rule.threshold() && observed < rule.factor() * usual
                && observed <= usual - NOISE_MARGIN * Math.sqrt(usual);
        TimeWindow window = new TimeWindow(windowEnd.minus(Duration.ofHours(w)), windowEnd);
        return new Result(dropped, observed, usual, days, window);
    }

    /**
     * Checks from the guild's {@link BucketKind#CHANNEL_HOUR} rows over {@link #lookback} (as
     * {@code MetricsStore.buckets(CHANNEL_HOUR, guild, null, null, lookback)} returns them): the
     * messages of every channel are summed per hour; rows outside the lookback are ignored.
     *
     * @param now the end of the observed window; truncated to its hour
     */
    public static Result check(AlertRule rule, List<BucketRow> channelHourRows, Instant now) {
        TimeWindow lookback = lookback(rule, now);
        long[] hourly = new long[HOURS];
        for (BucketRow row : channelHourRows) {
            if (row.key().kind() != BucketKind.CHANNEL_HOUR) {
                throw new IllegalArgumentException("activity drops are checked on CHANNEL_HOUR rows, not " + row.key().kind());
            }
            Instant start = row.key().start();
            if (lookback.contains(start)) {
                hourly[(int) Duration.between(lookback.from(), start).toHours()] += row.get(Counter.MESSAGES);
            }
        }
        return check(rule, hourly, lookback.to());
    }

    private static long sum(long[] values, int from, int to) {
        long total = 0;
        for (int i = from; i < to; i++) {
            total += values[i];
        }
        return total;
    }
}
