package io.serverpulse.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PeriodTest {

    private static final Instant NOW = Instant.parse("2026-11-28T17:42:10Z");

    @Test
    void last24HoursIsTheCurrentHourAndThe23Before() {
        // WHEN / THEN
        assertThat(Period.LAST_24_HOURS.window(NOW))
                .isEqualTo(new TimeWindow(Instant.parse("2026-11-27T18:00:00Z"), Instant.parse("2026-11-28T18:00:00Z")));
        assertThat(Period.LAST_24_HOURS.memberBuckets()).isEqualTo(BucketKind.MEMBER_HOUR);
    }

    @Test
    void dayPeriodsAreWholeUtcDaysEndingToday() {
        // WHEN / THEN
        assertThat(Period.LAST_7_DAYS.window(NOW))
                .isEqualTo(new TimeWindow(Instant.parse("2026-11-22T00:00:00Z"), Instant.parse("2026-11-29T00:00:00Z")));
        assertThat(Period.LAST_30_DAYS.window(NOW).from()).isEqualTo(Instant.parse("2026-10-30T00:00:00Z"));
        assertThat(Period.ALL_TIME.window(NOW).from()).isEqualTo(Instant.EPOCH);
        assertThat(Period.LAST_30_DAYS.memberBuckets()).isEqualTo(BucketKind.MEMBER_DAY);
    }

    @Test
    void labelsAreWhatMembersType() {
        // WHEN / THEN
        assertThat(Period.fromLabel(" 7D ")).contains(Period.LAST_7_DAYS);
        assertThat(Period.fromLabel("all")).contains(Period.ALL_TIME);
        assertThat(Period.fromLabel("week")).isEmpty();
        assertThat(Period.fromLabel(null)).isEmpty();
    }
}
