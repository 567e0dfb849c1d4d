package io.serverpulse.common.digest;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.settings.DigestFrequency;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DigestScheduleTest {

    private static DigestSchedule schedule(DigestFrequency frequency, String zone) {
        return DigestSchedule.of(frequency, ZoneId.of(zone)).orElseThrow();
    }

    @Test
    void theTimeOfDayWaitsForTheUtcDayAndAvoidsDaylightSavingGaps() {
        // GIVEN / WHEN / THEN UTC and zones west of it post at 00:10; east of it once the UTC day is over too
        assertThat(schedule(DigestFrequency.DAILY, "UTC").time()).isEqualTo(LocalTime.of(0, 10));
        assertThat(schedule(DigestFrequency.DAILY, "America/New_York").time()).isEqualTo(LocalTime.of(0, 10));
        assertThat(schedule(DigestFrequency.DAILY, "Asia/Tokyo").time()).isEqualTo(LocalTime.of(9, 10));
        assertThat(schedule(DigestFrequency.DAILY, "Asia/Kolkata").time()).isEqualTo(LocalTime.of(6, 10));
        assertThat(schedule(DigestFrequency.DAILY, "Pacific/Auckland").time()).isEqualTo(LocalTime.of(13, 10));
        // Berlin is at most 2 h ahead, but 02:10 does not exist on the last Sunday of March
        assertThat(schedule(DigestFrequency.WEEKLY, "Europe/Berlin").time()).isEqualTo(LocalTime.of(3, 10));
        // Santiago moves its clocks at midnight: 00:10 does not exist on one day in September
        assertThat(schedule(DigestFrequency.DAILY, "America/Santiago").time()).isEqualTo(LocalTime.of(1, 10));
    }

    @Test
    void noScheduleWithoutADigest() {
        assertThat(DigestSchedule.of(DigestFrequency.NONE, ZoneOffset.UTC)).isEmpty();
        assertThat(DigestSchedule.of(DigestFrequency.HOURLY, ZoneOffset.UTC)).isEmpty();
    }

    @Test
    void theCronIsReadInTheGuildsZone() {
        assertThat(schedule(DigestFrequency.DAILY, "Asia/Tokyo").cron()).isEqualTo("cron(10 9 * * ? *)");
        assertThat(schedule(DigestFrequency.WEEKLY, "Europe/Berlin").cron()).isEqualTo("cron(10 3 ? * MON *)");
    }

    @Test
    void theLastDuePeriodIsTheOneWhoseTimeHasCome() {
        // GIVEN a weekly digest in Berlin, posted Mondays at 03:10
        DigestSchedule weekly = schedule(DigestFrequency.WEEKLY, "Europe/Berlin");

        // WHEN / THEN on Monday 9 March at 03:09 Berlin (02:09 UTC) last week's is not due yet, at 03:10 it is
        assertThat(weekly.lastDue(Instant.parse("2026-03-09T02:09:00Z")).key()).isEqualTo("weekly:2026-02-23");
        assertThat(weekly.lastDue(Instant.parse("2026-03-09T02:10:00Z")).key()).isEqualTo("weekly:2026-03-02");
        assertThat(weekly.dueAt(DigestPeriod.weekly(java.time.LocalDate.parse("2026-03-02"), ZoneId.of("Europe/Berlin"))))
                .isEqualTo(Instant.parse("2026-03-09T02:10:00Z"));
        assertThat(weekly.nextDue(Instant.parse("2026-03-09T02:10:00Z"))).isEqualTo(Instant.parse("2026-03-16T02:10:00Z"));
    }

    @Test
    void aDailyDigestInNewYorkIsDueAfterItsMidnight() {
        // GIVEN a daily digest in New York (00:10 local)
        DigestSchedule daily = schedule(DigestFrequency.DAILY, "America/New_York");

        // WHEN / THEN at 05:09 UTC on 4 March (00:09 in New York) the 2nd is the last due, at 05:10 the 3rd
        assertThat(daily.lastDue(Instant.parse("2026-03-04T05:09:00Z")).key()).isEqualTo("daily:2026-03-02");
        assertThat(daily.lastDue(Instant.parse("2026-03-04T05:10:00Z")).key()).isEqualTo("daily:2026-03-03");
        assertThat(daily.periodPostedOn(java.time.LocalDate.parse("2026-03-04")).key()).isEqualTo("daily:2026-03-03");
    }
}
