package io.serverpulse.common.alerts.detect;

import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertRule;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.alerts.Severity;
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
 * The {@code ACTIVITY_DROP} rule as a pure function over hourly message counts, for the scheduled
 * check of {@code alert-function} (activity drops are not detected in real time).
 *
 * <p>Following {@link AlertRule}: messages in the last {@code window} fell below {@code factor} ×
 * the trailing 24 h average for such a window, when that average is at least {@code threshold}.
 * The data is hourly, so the window is taken in whole UTC hours (rounded up, at least one), and only
 * complete hours count: at {@code now} the observed window is the {@code w} hours before the
 * current one, and the trailing 24 h are the 24 hours before those. An hour with no stored row
 * had no messages.
 */
public final class ActivityDropCheck {

    private static final long HOURS_PER_DAY = 24;

    private ActivityDropCheck() {
    }

    /**
     * The outcome of one check.
     *
     * @param dropped whether the rule fires
     * @param observed messages in the observed window
     * @param usual the trailing 24 h average of messages per such window
     * @param window the observed window
     */
    public record Result(boolean dropped, long observed, double usual, TimeWindow window) {

        /**
         * The alert for a drop, ongoing, started at the window's start: severity by how far under
         * the alert level ({@code factor × usual}) it fell; context like "usually 120 messages/h,
         * 30 in the last hour".
         */
        public Optional<AlertRecord> toAlert(long guildId, AlertRule rule) {
            if (!dropped) {
                return Optional.empty();
            }
            double level = rule.factor() * usual;
            Severity severity = AlertContext.severity(level, Math.max(observed, 0.5));
            long hours = Duration.between(window.from(), window.to()).toHours();
            String context = hours == 1
                    ? "usually " + AlertContext.number(usual) + " messages/h, " + observed + " in the last hour"
                    : "usually " + AlertContext.number(usual) + " messages per " + hours + " h, " + observed
                            + " in the last " + hours + " h";
            return Optional.of(new AlertRecord(AlertRecord.idFor(guildId, AlertType.ACTIVITY_DROP, window.from()), guildId,
                    AlertType.ACTIVITY_DROP, severity, window.from(), null, List.of(), observed, usual, context));
        }
    }

    /** Whole hours the rule's window covers (rounded up, at least 1). */
    public static int windowHours(AlertRule rule) {
        long hours = (rule.window().toMillis() + Duration.ofHours(1).toMillis() - 1) / Duration.ofHours(1).toMillis();
        return (int) Math.max(1, Math.min(hours, HOURS_PER_DAY));
    }

    /** The hour-bucket starts to read for a check at {@code now}: the trailing 24 h plus the observed window. */
    public static TimeWindow lookback(AlertRule rule, Instant now) {
        Instant end = now.truncatedTo(ChronoUnit.HOURS);
        return new TimeWindow(end.minus(Duration.ofHours(HOURS_PER_DAY + windowHours(rule))), end);
    }

    /**
     * Checks from hourly counts, oldest first: the first 24 are the trailing day, the rest (exactly
     * {@link #windowHours} of them) the observed window.
     *
     * @param windowEnd the end of the observed window (the start of the current hour)
     */
    public static Result check(AlertRule rule, long[] hourlyMessages, Instant windowEnd) {
        Objects.requireNonNull(rule, "rule");
        int w = windowHours(rule);
        if (hourlyMessages.length != HOURS_PER_DAY + w) {
            throw new IllegalArgumentException("expected " + (HOURS_PER_DAY + w) + " hourly counts (24 trailing + "
                    + w + " observed), got " + hourlyMessages.length);
        }
        long trailing = 0;
        for (int i = 0; i < HOURS_PER_DAY; i++) {
            trailing += requireCount(hourlyMessages[i]);
        }
        long observed = 0;
        for (int i = (int) HOURS_PER_DAY; i < hourlyMessages.length; i++) {
            observed += requireCount(hourlyMessages[i]);
        }
        double usual = trailing * (double) w / HOURS_PER_DAY;
        boolean dropped = rule.enabled() && usual >= rule.threshold() && observed < rule.factor() * usual;
        TimeWindow window = new TimeWindow(windowEnd.minus(Duration.ofHours(w)), windowEnd);
        return new Result(dropped, observed, usual, window);
    }

    /**
     * Checks from the guild's {@link BucketKind#CHANNEL_HOUR} rows over {@link #lookback} (as
     * {@code MetricsStore.buckets(CHANNEL_HOUR, guild, null, null, lookback)} returns them): the
     * messages of every channel are summed per hour; rows outside the lookback are ignored.
     */
    public static Result check(AlertRule rule, List<BucketRow> channelHourRows, Instant now) {
        TimeWindow lookback = lookback(rule, now);
        long[] hourly = new long[(int) Duration.between(lookback.from(), lookback.to()).toHours()];
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

    private static long requireCount(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("message counts cannot be negative: " + value);
        }
        return value;
    }
}
