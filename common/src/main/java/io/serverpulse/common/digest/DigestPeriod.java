package io.serverpulse.common.digest;

import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The stretch of time a digest reports on, in the guild's time zone, and the stored buckets that serve it.
 *
 * <ul>
 *   <li>Hour figures (messages, reactions, voice, joins, leaves, channels, the busiest hour, sentiment, the
 *       activity chart) read the channel-hour buckets whose UTC hour starts in {@link #hours()}: local
 *       midnight to local midnight, exact in every zone whose offset is whole hours (in a zone like
 *       {@code Asia/Kolkata} an hour bucket belongs to the period it starts in).</li>
 *   <li>Member figures (active members, top members, top voice members, new-member retention) and top emoji
 *       read buckets kept per UTC day: the UTC days with the same dates as the period's local days
 *       ({@link #days()}), which overlap them by at least 24 hours minus the zone's offset. For a
 *       {@link Kind#LAST_24_HOURS} pulse the member figures are exact to the hour (member-hour buckets) and
 *       the emoji are those of the UTC days the 24 hours touch.</li>
 * </ul>
 *
 * The previous period, for comparisons, is the same length just before.
 *
 * @param kind        what was asked for
 * @param zone        the guild's time zone
 * @param firstDay    the first local day ({@link Kind#LAST_24_HOURS}: the local day the window starts in)
 * @param hours       the channel-hour window
 * @param previousHours the previous period's channel-hour window
 * @param memberKind  {@link BucketKind#MEMBER_DAY}, or {@link BucketKind#MEMBER_HOUR} for the last 24 hours
 * @param members     the member-bucket window
 * @param previousMembers the previous period's member-bucket window
 * @param days        the emoji-day window (UTC days)
 */
public record DigestPeriod(Kind kind, ZoneId zone, LocalDate firstDay, TimeWindow hours, TimeWindow previousHours,
                           BucketKind memberKind, TimeWindow members, TimeWindow previousMembers, TimeWindow days) {

    /** The periods: two scheduled ones, and the three {@code /pulse} offers. */
    public enum Kind {
        DAILY("daily", ChronoUnit.HOURS),
        WEEKLY("weekly", ChronoUnit.DAYS),
        LAST_24_HOURS("24h", ChronoUnit.HOURS),
        LAST_7_DAYS("7d", ChronoUnit.DAYS),
        LAST_30_DAYS("30d", ChronoUnit.DAYS);

        private final String label;
        private final ChronoUnit step;

        Kind(String label, ChronoUnit step) {
            this.label = label;
            this.step = step;
        }

        public String label() {
            return label;
        }

        /** The activity chart's step: local hours for a day, local days for longer periods. */
        public ChronoUnit step() {
            return step;
        }

        public static Optional<Kind> fromLabel(String label) {
            String wanted = label == null ? "" : label.trim().toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(k -> k.label.equals(wanted)).findFirst();
        }
    }

    public DigestPeriod {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(hours, "hours");
        Objects.requireNonNull(previousHours, "previousHours");
        Objects.requireNonNull(memberKind, "memberKind");
        Objects.requireNonNull(members, "members");
        Objects.requireNonNull(previousMembers, "previousMembers");
        Objects.requireNonNull(days, "days");
    }

    /** One local day. */
    public static DigestPeriod daily(LocalDate day, ZoneId zone) {
        return localDays(Kind.DAILY, day, 1, zone);
    }

    /** The local week (Monday to Sunday) that holds {@code anyDay}. */
    public static DigestPeriod weekly(LocalDate anyDay, ZoneId zone) {
        return localDays(Kind.WEEKLY, anyDay.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)), 7, zone);
    }

    /**
     * A {@code /pulse} period at {@code now}: the last 24 hours (the current UTC hour and the 23 before), or
     * today (local) and the 6 or 29 local days before it.
     */
    public static DigestPeriod onDemand(Kind kind, ZoneId zone, Instant now) {
        return switch (kind) {
            case LAST_24_HOURS -> {
                Instant end = now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
                TimeWindow hours = new TimeWindow(end.minus(Duration.ofHours(24)), end);
                TimeWindow previous = new TimeWindow(end.minus(Duration.ofHours(48)), hours.from());
                TimeWindow days = new TimeWindow(hours.from().truncatedTo(ChronoUnit.DAYS),
                        end.minusNanos(1).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1)));
                yield new DigestPeriod(kind, zone, LocalDate.ofInstant(hours.from(), zone), hours, previous,
                        BucketKind.MEMBER_HOUR, hours, previous, days);
            }
            case LAST_7_DAYS -> localDays(kind, LocalDate.ofInstant(now, zone).minusDays(6), 7, zone);
            case LAST_30_DAYS -> localDays(kind, LocalDate.ofInstant(now, zone).minusDays(29), 30, zone);
            default -> throw new IllegalArgumentException(kind + " is a scheduled period");
        };
    }

    private static DigestPeriod localDays(Kind kind, LocalDate first, int length, ZoneId zone) {
        LocalDate end = first.plusDays(length);
        LocalDate previous = first.minusDays(length);
        TimeWindow hours = new TimeWindow(startOf(first, zone), startOf(end, zone));
        TimeWindow previousHours = new TimeWindow(startOf(previous, zone), hours.from());
        TimeWindow days = new TimeWindow(utc(first), utc(end));
        TimeWindow previousDays = new TimeWindow(utc(previous), days.from());
        return new DigestPeriod(kind, zone, first, hours, previousHours, BucketKind.MEMBER_DAY, days, previousDays, days);
    }

    private static Instant startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    private static Instant utc(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The last local day of the period (for a 24-hour pulse: the local day of its last hour). */
    public LocalDate lastDay() {
        return LocalDate.ofInstant(hours.to().minusNanos(1), zone);
    }

    /** Whether the top emoji cover exactly the member figures' days (not so for the last 24 hours). */
    public boolean emojiMatchMembers() {
        return days.equals(members);
    }

    /**
     * A deterministic name of a scheduled period, e.g. {@code weekly:2026-03-02} (its first local day):
     * what a digest is recorded and found again by.
     */
    public String key() {
        return kind.label() + ":" + firstDay;
    }

    /** The same kind of period just before this one (scheduled periods only). */
    public DigestPeriod previous() {
        return switch (kind) {
            case DAILY -> daily(firstDay.minusDays(1), zone);
            case WEEKLY -> weekly(firstDay.minusDays(7), zone);
            default -> throw new IllegalStateException(kind + " has no previous period");
        };
    }

    /** The same kind of period just after this one (scheduled periods only). */
    public DigestPeriod next() {
        return switch (kind) {
            case DAILY -> daily(firstDay.plusDays(1), zone);
            case WEEKLY -> weekly(firstDay.plusDays(7), zone);
            default -> throw new IllegalStateException(kind + " has no next period");
        };
    }
}
