package io.serverpulse.common.digest;

import io.serverpulse.common.settings.DigestFrequency;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When a guild's digest is posted: once a day, or on Mondays, at one local time of day in the guild's zone,
 * the same in both modes (the EventBridge schedule's {@code cron()} and the collector's in-process timer).
 *
 * <p>The time is {@value #MINUTE} minutes past the first whole local hour at which the period's UTC days
 * (read for the member figures, see {@link DigestPeriod}) are over whatever the season, and that daylight
 * saving time never skips: {@code 00:10} in UTC and New York, {@code 09:10} in Tokyo, {@code 03:10} in Berlin
 * (up to two hours ahead of UTC, so 02:10 at the earliest, but 02:00–03:00 does not exist on a day in March).
 *
 * @param frequency daily or weekly
 * @param zone      the guild's zone
 * @param time      the local time of day it is posted
 */
public record DigestSchedule(DigestFrequency frequency, ZoneId zone, LocalTime time) {

    public static final int MINUTE = 10;
    /** A period missed while nothing ran is still posted up to this long after it was due, once. */
    public static final Duration CATCH_UP = Duration.ofHours(36);

    public DigestSchedule {
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(time, "time");
        if (!frequency.posts()) {
            throw new IllegalArgumentException("no digest is posted " + frequency.option());
        }
    }

    /** The schedule of a guild, or empty when it gets no digest. */
    public static Optional<DigestSchedule> of(DigestFrequency frequency, ZoneId zone) {
        return frequency.posts() ? Optional.of(new DigestSchedule(frequency, zone, timeOfDay(zone))) : Optional.empty();
    }

    /** {@value #MINUTE} past the first hour, from the zone's largest offset, that no daylight-saving gap skips. */
    static LocalTime timeOfDay(ZoneId zone) {
        ZoneRules rules = zone.getRules();
        // this year and the next: the offsets in force, daylight saving time included
        Instant probe = java.time.Year.now(ZoneOffset.UTC).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        int maxOffsetSeconds = Integer.MIN_VALUE;
        for (int month = 0; month < 24; month++) {
            maxOffsetSeconds = Math.max(maxOffsetSeconds, rules.getOffset(probe.plus(Duration.ofDays(month * 30L + 15))).getTotalSeconds());
        }
        int hour = Math.max(0, (maxOffsetSeconds + 3599) / 3600);
        List<ZoneOffsetTransition> gaps = gaps(rules, probe);
        while (hour < 23 && inAGap(LocalTime.of(hour, MINUTE), gaps)) {
            hour++;
        }
        return LocalTime.of(Math.min(hour, 23), MINUTE);
    }

    private static List<ZoneOffsetTransition> gaps(ZoneRules rules, Instant from) {
        List<ZoneOffsetTransition> gaps = new ArrayList<>();
        ZoneOffsetTransition next = rules.nextTransition(from.minus(Duration.ofDays(1)));
        Instant until = from.plus(Duration.ofDays(2 * 366));
        while (next != null && next.getInstant().isBefore(until)) {
            if (next.isGap()) {
                gaps.add(next);
            }
            next = rules.nextTransition(next.getInstant());
        }
        return gaps;
    }

    private static boolean inAGap(LocalTime time, List<ZoneOffsetTransition> gaps) {
        for (ZoneOffsetTransition gap : gaps) {
            LocalDateTime at = gap.getDateTimeBefore().toLocalDate().atTime(time);
            if (!at.isBefore(gap.getDateTimeBefore()) && at.isBefore(gap.getDateTimeAfter())) {
                return true;
            }
        }
        return false;
    }

    /** The period a digest posted on {@code day} (a local day on which one is due) reports on. */
    public DigestPeriod periodPostedOn(LocalDate day) {
        return frequency == DigestFrequency.DAILY ? DigestPeriod.daily(day.minusDays(1), zone)
                : DigestPeriod.weekly(day.minusDays(7), zone);
    }

    /** When the digest of {@code period} is due. */
    public Instant dueAt(DigestPeriod period) {
        return period.lastDay().plusDays(1).atTime(time).atZone(zone).toInstant();
    }

    /** The latest period whose digest is due at or before {@code now}. */
    public DigestPeriod lastDue(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        DigestPeriod period = frequency == DigestFrequency.DAILY ? DigestPeriod.daily(today, zone) : DigestPeriod.weekly(today, zone);
        while (dueAt(period).isAfter(now)) {
            period = period.previous();
        }
        return period;
    }

    /** The first time after {@code now} at which a digest is due. */
    public Instant nextDue(Instant now) {
        return dueAt(lastDue(now).next());
    }

    /**
     * The EventBridge Scheduler expression, read in the guild's zone ({@code ScheduleExpressionTimezone}):
     * {@code cron(10 2 * * ? *)} daily, {@code cron(10 2 ? * MON *)} weekly.
     */
    public String cron() {
        String days = frequency == DigestFrequency.DAILY ? "* * ?" : "? * MON";
        return "cron(" + time.getMinute() + " " + time.getHour() + " " + days + " *)";
    }
}
