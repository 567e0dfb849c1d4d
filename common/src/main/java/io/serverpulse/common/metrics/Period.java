package io.serverpulse.common.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A leaderboard period as members pick it ({@code 24h}, {@code 7d}, {@code 30d}, {@code all}).
 *
 * <p>{@code 24h} is exact to the hour: the current UTC hour and the 23 before it, read from the
 * member-hour buckets. {@code 7d} and {@code 30d} are whole UTC days: today and the 6 (or 29)
 * days before it, read from the member-day buckets. {@code all} is everything still retained.
 */
public enum Period {
    LAST_24_HOURS("24h", ChronoUnit.HOURS, 24),
    LAST_7_DAYS("7d", ChronoUnit.DAYS, 7),
    LAST_30_DAYS("30d", ChronoUnit.DAYS, 30),
    ALL_TIME("all", ChronoUnit.DAYS, 0);

    private final String label;
    private final ChronoUnit unit;
    private final int buckets;

    Period(String label, ChronoUnit unit, int buckets) {
        this.label = label;
        this.unit = unit;
        this.buckets = buckets;
    }

    public String label() {
        return label;
    }

    /** The member buckets that serve this period. */
    public BucketKind memberBuckets() {
        return unit == ChronoUnit.HOURS ? BucketKind.MEMBER_HOUR : BucketKind.MEMBER_DAY;
    }

    /** The half-open window {@code [from, to)} of bucket starts this period covers at {@code now}. */
    public TimeWindow window(Instant now) {
        Instant end = now.truncatedTo(unit).plus(1, unit);
        if (this == ALL_TIME) {
            return new TimeWindow(Instant.EPOCH, end);
        }
        return new TimeWindow(end.minus(Duration.of(buckets, unit)), end);
    }

    public static Optional<Period> fromLabel(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String wanted = label.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.label.equals(wanted)).findFirst();
    }
}
