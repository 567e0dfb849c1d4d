package io.serverpulse.common.digest;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.TimeWindow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DigestPeriodTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static TimeWindow window(String from, String to) {
        return new TimeWindow(Instant.parse(from), Instant.parse(to));
    }

    @Test
    void aWeekRunsFromMondayToSundayInTheGuildsZone() {
        // GIVEN / WHEN the week holding Thursday 5 March 2026 in Berlin (UTC+1)
        DigestPeriod week = DigestPeriod.weekly(LocalDate.parse("2026-03-05"), BERLIN);

        // THEN its hours are Berlin's Monday 00:00 to the next Monday, its member days the same dates in UTC
        assertThat(week.firstDay()).isEqualTo(LocalDate.parse("2026-03-02"));
        assertThat(week.lastDay()).isEqualTo(LocalDate.parse("2026-03-08"));
        assertThat(week.hours()).isEqualTo(window("2026-03-01T23:00:00Z", "2026-03-08T23:00:00Z"));
        assertThat(week.previousHours()).isEqualTo(window("2026-02-22T23:00:00Z", "2026-03-01T23:00:00Z"));
        assertThat(week.memberKind()).isEqualTo(BucketKind.MEMBER_DAY);
        assertThat(week.members()).isEqualTo(window("2026-03-02T00:00:00Z", "2026-03-09T00:00:00Z"));
        assertThat(week.previousMembers()).isEqualTo(window("2026-02-23T00:00:00Z", "2026-03-02T00:00:00Z"));
        assertThat(week.days()).isEqualTo(week.members());
        assertThat(week.key()).isEqualTo("weekly:2026-03-02");
    }

    @Test
    void aDayInNewYorkStartsAtItsMidnight() {
        // GIVEN / WHEN Tuesday 3 March 2026 in New York (UTC-5)
        DigestPeriod day = DigestPeriod.daily(LocalDate.parse("2026-03-03"), NEW_YORK);

        // THEN
        assertThat(day.hours()).isEqualTo(window("2026-03-03T05:00:00Z", "2026-03-04T05:00:00Z"));
        assertThat(day.previousHours()).isEqualTo(window("2026-03-02T05:00:00Z", "2026-03-03T05:00:00Z"));
        assertThat(day.members()).isEqualTo(window("2026-03-03T00:00:00Z", "2026-03-04T00:00:00Z"));
        assertThat(day.key()).isEqualTo("daily:2026-03-03");
        assertThat(day.previous().key()).isEqualTo("daily:2026-03-02");
        assertThat(day.next().key()).isEqualTo("daily:2026-03-04");
    }

    @Test
    void aWeekAcrossTheSpringTimeChangeIsAnHourShorter() {
        // GIVEN / WHEN the Berlin week of Sunday 29 March 2026 (02:00 becomes 03:00)
        DigestPeriod week = DigestPeriod.weekly(LocalDate.parse("2026-03-29"), BERLIN);

        // THEN it has 167 hours and still seven member days
        assertThat(java.time.Duration.between(week.hours().from(), week.hours().to()).toHours()).isEqualTo(167);
        assertThat(week.hours().to()).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
        assertThat(java.time.Duration.between(week.members().from(), week.members().to()).toDays()).isEqualTo(7);
    }

    @Test
    void theLast24HoursAreExactToTheHourWithMemberHours() {
        // GIVEN / WHEN /pulse 24h at 14:20 UTC
        DigestPeriod pulse = DigestPeriod.onDemand(DigestPeriod.Kind.LAST_24_HOURS, BERLIN, Instant.parse("2026-03-05T14:20:00Z"));

        // THEN the hours end with the current one, the member figures use the same hours, the emoji the two UTC days
        assertThat(pulse.hours()).isEqualTo(window("2026-03-04T15:00:00Z", "2026-03-05T15:00:00Z"));
        assertThat(pulse.previousHours()).isEqualTo(window("2026-03-03T15:00:00Z", "2026-03-04T15:00:00Z"));
        assertThat(pulse.memberKind()).isEqualTo(BucketKind.MEMBER_HOUR);
        assertThat(pulse.members()).isEqualTo(pulse.hours());
        assertThat(pulse.days()).isEqualTo(window("2026-03-04T00:00:00Z", "2026-03-06T00:00:00Z"));
        assertThat(pulse.emojiMatchMembers()).isFalse();
    }

    @Test
    void theLast7And30DaysEndWithTodayInTheGuildsZone() {
        // GIVEN Thursday 5 March 2026 23:30 UTC, already Friday in Berlin
        Instant now = Instant.parse("2026-03-05T23:30:00Z");

        // WHEN / THEN 7 days are Berlin's Saturday 28 Feb to Friday 6 March; 30 days end the same day
        DigestPeriod week = DigestPeriod.onDemand(DigestPeriod.Kind.LAST_7_DAYS, BERLIN, now);
        assertThat(week.firstDay()).isEqualTo(LocalDate.parse("2026-02-28"));
        assertThat(week.lastDay()).isEqualTo(LocalDate.parse("2026-03-06"));
        DigestPeriod month = DigestPeriod.onDemand(DigestPeriod.Kind.LAST_30_DAYS, ZoneOffset.UTC, now);
        assertThat(month.firstDay()).isEqualTo(LocalDate.parse("2026-02-04"));
        assertThat(month.lastDay()).isEqualTo(LocalDate.parse("2026-03-05"));
        assertThat(month.hours()).isEqualTo(month.members());
    }
}
