package io.serverpulse.common.alerts.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertRule;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.alerts.Severity;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketRow;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivityDropCheckTest {

    private static final long GUILD = 5_000L;
    private static final Instant NOW = Instant.parse("2026-11-28T15:20:00Z");
    private static final Instant HOUR = Instant.parse("2026-11-28T15:00:00Z");
    /** The seed's rule: below 0.5 × the usual hour, when the usual hour has at least 20 messages. */
    private static final AlertRule DEFAULT = AlertRule.defaultFor(AlertType.ACTIVITY_DROP);
    private static final int HOURS = 8 * 24;

    /** Eight days of {@code perHour} messages every hour, the last hour {@code lastHour}. */
    private static long[] week(long perHour, long lastHour) {
        long[] hourly = new long[HOURS];
        Arrays.fill(hourly, perHour);
        hourly[HOURS - 1] = lastHour;
        return hourly;
    }

    @Test
    void aGuildAtAQuarterOfItsUsualHourHasDropped() {
        // GIVEN a guild with 120 messages every hour for a week, and 30 in the last hour
        // WHEN checked with the default rule
        ActivityDropCheck.Result result = ActivityDropCheck.check(DEFAULT, week(120, 30), HOUR);

        // THEN it dropped, and the alert says how far, starting with the last hour
        assertThat(result.dropped()).isTrue();
        assertThat(result.usual()).isEqualTo(120.0);
        assertThat(result.days()).isEqualTo(7);
        AlertRecord alert = result.toAlert(GUILD, DEFAULT).orElseThrow();
        assertThat(alert.context()).isEqualTo("usually 120 messages at this hour (over 7 previous days), 30 in the last hour");
        assertThat(alert.type()).isEqualTo(AlertType.ACTIVITY_DROP);
        assertThat(alert.startedAt()).isEqualTo(HOUR.minus(Duration.ofHours(1)));
        assertThat(alert.id()).isEqualTo(AlertRecord.idFor(GUILD, AlertType.ACTIVITY_DROP, HOUR.minus(Duration.ofHours(1))));
        assertThat(alert.severity()).isEqualTo(Severity.WARNING);
        assertThat(alert.observed()).isEqualTo(30);
        assertThat(alert.baseline()).isEqualTo(120.0);
        assertThat(alert.ongoing()).isTrue();
    }

    @Test
    void aSilentHourInABusyGuildIsCritical() {
        // GIVEN a busy guild whose last hour had no message
        ActivityDropCheck.Result result = ActivityDropCheck.check(DEFAULT, week(120, 0), HOUR);

        // WHEN turned into an alert
        AlertRecord alert = result.toAlert(GUILD, DEFAULT).orElseThrow();

        // THEN it is critical
        assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(alert.observed()).isZero();
    }

    @Test
    void aSmallGuildsChanceDipIsNoDropButANearSilenceIs() {
        // GIVEN a small guild with 21 messages every hour (just over the threshold of 20)
        // WHEN its last hour had 10 or 7 (under half, but 21 - 4 √21 ≈ 2.7 is within chance), 2, or none
        ActivityDropCheck.Result ten = ActivityDropCheck.check(DEFAULT, week(21, 10), HOUR);
        ActivityDropCheck.Result seven = ActivityDropCheck.check(DEFAULT, week(21, 7), HOUR);
        ActivityDropCheck.Result two = ActivityDropCheck.check(DEFAULT, week(21, 2), HOUR);
        ActivityDropCheck.Result silent = ActivityDropCheck.check(DEFAULT, week(21, 0), HOUR);

        // THEN only a fall beyond ordinary variation is a drop
        assertThat(ten.dropped()).isFalse();
        assertThat(seven.dropped()).isFalse();
        assertThat(two.dropped()).isTrue();
        assertThat(silent.dropped()).isTrue();
    }

    @Test
    void aBusyGuildNeedsOnlyTheFactor() {
        // GIVEN a busy guild with 400 messages every hour: 4 √400 = 80 is far less than half of it
        // WHEN its last hour had 199 (just under half)
        ActivityDropCheck.Result result = ActivityDropCheck.check(DEFAULT, week(400, 199), HOUR);

        // THEN it is a drop: the chance margin matters only for small guilds
        assertThat(result.dropped()).isTrue();
    }

    @Test
    void aDipAboveTheFactorIsNoDrop() {
        // GIVEN 120 a hour usually and 60 in the last hour (exactly half: not below it)
        ActivityDropCheck.Result result = ActivityDropCheck.check(DEFAULT, week(120, 60), HOUR);

        // THEN no drop and no alert
        assertThat(result.dropped()).isFalse();
        assertThat(result.toAlert(GUILD, DEFAULT)).isEmpty();
    }

    @Test
    void aQuietNightIsComparedWithThePreviousNightsNotWithTheEvening() {
        // GIVEN a week in which 14:00-15:00 UTC is a quiet hour (12 % of the busy hours) every day
        long[] hourly = week(200, 24);
        for (int day = 0; day < 8; day++) {
            hourly[day * 24 + 23] = 25;
        }
        hourly[HOURS - 1] = 24;

        // WHEN the quiet hour is checked
        ActivityDropCheck.Result result = ActivityDropCheck.check(DEFAULT, hourly, HOUR);

        // THEN it is usual for that hour: 24 against 25, no drop (the trailing day's average, about 190, would have fired)
        assertThat(result.usual()).isEqualTo(25.0);
        assertThat(result.dropped()).isFalse();
    }

    @Test
    void aQuietGuildUnderTheThresholdNeverDrops() {
        // GIVEN a guild with 10 messages an hour (under the threshold of 20) and then none
        // THEN a silent hour is not an alert
        assertThat(ActivityDropCheck.check(DEFAULT, week(10, 0), HOUR).dropped()).isFalse();
    }

    @Test
    void aDisabledRuleNeverDrops() {
        // GIVEN the rule switched off
        // THEN even a silent hour in a busy guild is no drop
        assertThat(ActivityDropCheck.check(DEFAULT.withEnabled(false), week(120, 0), HOUR).dropped()).isFalse();
    }

    @Test
    void daysWithoutAnyMessageAreNotCountedAsSilentDays() {
        // GIVEN a guild collected for 2 days only: 100 messages an hour the day before, 140 two days
        // before, nothing before that; 30 in the last hour
        long[] hourly = new long[HOURS];
        Arrays.fill(hourly, HOURS - 72, HOURS - 24, 140);
        Arrays.fill(hourly, HOURS - 48, HOURS - 1, 100);
        hourly[HOURS - 1] = 30;

        // WHEN checked
        ActivityDropCheck.Result result = ActivityDropCheck.check(DEFAULT, hourly, HOUR);

        // THEN the usual hour is the mean of those 2 days (not of 7 with 5 silent ones), and it dropped
        assertThat(result.days()).isEqualTo(2);
        assertThat(result.usual()).isEqualTo(120.0);
        assertThat(result.dropped()).isTrue();
        assertThat(result.summary()).isEqualTo("usually 120 messages at this hour (over 2 previous days), 30 in the last hour");
    }

    @Test
    void withoutAPreviousDayThereIsNoUsualLevelAndNoDrop() {
        // GIVEN a guild collected since 20 hours only, silent in the last hour
        long[] hourly = new long[HOURS];
        Arrays.fill(hourly, HOURS - 20, HOURS - 1, 300);

        // WHEN checked
        ActivityDropCheck.Result result = ActivityDropCheck.check(DEFAULT, hourly, HOUR);

        // THEN no day counts, so nothing is compared
        assertThat(result.days()).isZero();
        assertThat(result.dropped()).isFalse();
        assertThat(result.summary()).isEqualTo("no usual level for this hour yet, 0 in the last hour");
    }

    @Test
    void aTwoHourWindowComparesWithTheSameTwoHoursOfThePreviousDays() {
        // GIVEN a 2-hour window, 60 messages an hour for a week, then 20 and 30
        AlertRule twoHours = new AlertRule(true, 20, Duration.ofMinutes(90), 0.5);
        long[] hourly = week(60, 30);
        hourly[HOURS - 2] = 20;

        // WHEN checked
        ActivityDropCheck.Result result = ActivityDropCheck.check(twoHours, hourly, HOUR);

        // THEN the 90-minute window is taken as 2 whole hours; 50 < 0.5 × 120 is a drop
        assertThat(ActivityDropCheck.windowHours(twoHours)).isEqualTo(2);
        assertThat(result.dropped()).isTrue();
        assertThat(result.usual()).isEqualTo(120.0);
        assertThat(result.window()).isEqualTo(new TimeWindow(HOUR.minus(Duration.ofHours(2)), HOUR));
        assertThat(result.toAlert(GUILD, twoHours).orElseThrow().context())
                .isEqualTo("usually 120 messages in these 2 h (over 7 previous days), 50 in the last 2 h");
    }

    @Test
    void storedHourRowsAreSummedOverChannelsAndMissingHoursCountAsSilent() {
        // GIVEN stored rows for two channels every hour of the 8 days before, plus the guild-wide joins row,
        // an hour with no row in the observed window, and a row of the current (incomplete) hour
        TimeWindow lookback = ActivityDropCheck.lookback(DEFAULT, NOW);
        List<BucketRow> rows = new ArrayList<>();
        for (Instant h = lookback.from(); h.isBefore(HOUR.minus(Duration.ofHours(1))); h = h.plus(Duration.ofHours(1))) {
            rows.add(new BucketRow(BucketKey.channelHour(GUILD, 11, h), Map.of(Counter.MESSAGES, 70L)));
            rows.add(new BucketRow(BucketKey.channelHour(GUILD, 12, h), Map.of(Counter.MESSAGES, 30L)));
            rows.add(new BucketRow(BucketKey.channelHour(GUILD, BucketKey.GUILD_WIDE, h), Map.of(Counter.JOINS, 4L)));
        }
        rows.add(new BucketRow(BucketKey.channelHour(GUILD, 11, HOUR), Map.of(Counter.MESSAGES, 500L)));

        // WHEN checked at 15:20
        ActivityDropCheck.Result result = ActivityDropCheck.check(DEFAULT, rows, NOW);

        // THEN the lookback is the 8 days before 15:00, the usual hour is 100 messages, 14:00–15:00
        // had none, and 15:xx is not looked at yet
        assertThat(lookback).isEqualTo(new TimeWindow(HOUR.minus(Duration.ofDays(8)), HOUR));
        assertThat(result.usual()).isEqualTo(100.0);
        assertThat(result.observed()).isZero();
        assertThat(result.dropped()).isTrue();
    }

    @Test
    void badInputGetsAClearError() {
        // GIVEN the wrong number of hours, or a negative count
        // THEN each is refused with a message saying what was expected
        assertThatThrownBy(() -> ActivityDropCheck.check(DEFAULT, new long[25], HOUR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected 192 hourly counts (the observed day and the 7 before it), got 25");
        long[] negative = week(10, 10);
        negative[3] = -1;
        assertThatThrownBy(() -> ActivityDropCheck.check(DEFAULT, negative, HOUR))
                .hasMessage("message counts cannot be negative: -1");
    }
}
