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

    private static long[] day(long perHour, long lastHour) {
        long[] hourly = new long[25];
        Arrays.fill(hourly, perHour);
        hourly[24] = lastHour;
        return hourly;
    }

    @Test
    void aGuildAtAQuarterOfItsUsualHourHasDropped() {
        // GIVEN a guild with 120 messages every hour for a day, and 30 in the last hour
        // WHEN checked with the default rule
        ActivityDropCheck.Result result = ActivityDropCheck.check(DEFAULT, day(120, 30), HOUR);

        // THEN it dropped, and the alert says how far, starting with the last hour
        assertThat(result.dropped()).isTrue();
        assertThat(result.usual()).isEqualTo(120.0);
        AlertRecord alert = result.toAlert(GUILD, DEFAULT).orElseThrow();
        assertThat(alert.context()).isEqualTo("usually 120 messages/h, 30 in the last hour");
        assertThat(alert.type()).isEqualTo(AlertType.ACTIVITY_DROP);
        assertThat(alert.startedAt()).isEqualTo(HOUR.minus(Duration.ofHours(1)));
        assertThat(alert.severity()).isEqualTo(Severity.WARNING);
        assertThat(alert.ongoing()).isTrue();
    }

    @Test
    void aSilentHourInABusyGuildIsCritical() {
        // GIVEN a busy guild whose last hour had no message
        ActivityDropCheck.Result result = ActivityDropCheck.check(DEFAULT, day(120, 0), HOUR);

        // WHEN turned into an alert
        AlertRecord alert = result.toAlert(GUILD, DEFAULT).orElseThrow();

        // THEN it is critical
        assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(alert.observed()).isZero();
    }

    @Test
    void aDipAboveTheFactorIsNoDrop() {
        // GIVEN 120 a hour usually and 60 in the last hour (exactly half: not below it)
        ActivityDropCheck.Result result = ActivityDropCheck.check(DEFAULT, day(120, 60), HOUR);

        // THEN no drop and no alert
        assertThat(result.dropped()).isFalse();
        assertThat(result.toAlert(GUILD, DEFAULT)).isEmpty();
    }

    @Test
    void aQuietGuildUnderTheThresholdNeverDrops() {
        // GIVEN a guild with 10 messages an hour (under the threshold of 20) and then none
        // THEN a silent hour is not an alert
        assertThat(ActivityDropCheck.check(DEFAULT, day(10, 0), HOUR).dropped()).isFalse();
    }

    @Test
    void aDisabledRuleNeverDrops() {
        // GIVEN the rule switched off
        // THEN even a silent hour in a busy guild is no drop
        assertThat(ActivityDropCheck.check(DEFAULT.withEnabled(false), day(120, 0), HOUR).dropped()).isFalse();
    }

    @Test
    void aTwoHourWindowComparesWithTheUsualTwoHours() {
        // GIVEN a 2-hour window, 60 messages an hour for a day, then 20 and 30
        AlertRule twoHours = new AlertRule(true, 20, Duration.ofMinutes(90), 0.5);
        long[] hourly = new long[26];
        Arrays.fill(hourly, 60);
        hourly[24] = 20;
        hourly[25] = 30;

        // WHEN checked
        ActivityDropCheck.Result result = ActivityDropCheck.check(twoHours, hourly, HOUR);

        // THEN the 90-minute window is taken as 2 whole hours; 50 < 0.5 × 120 is a drop
        assertThat(ActivityDropCheck.windowHours(twoHours)).isEqualTo(2);
        assertThat(result.dropped()).isTrue();
        assertThat(result.usual()).isEqualTo(120.0);
        assertThat(result.window()).isEqualTo(new TimeWindow(HOUR.minus(Duration.ofHours(2)), HOUR));
        assertThat(result.toAlert(GUILD, twoHours).orElseThrow().context())
                .isEqualTo("usually 120 messages per 2 h, 50 in the last 2 h");
    }

    @Test
    void storedHourRowsAreSummedOverChannelsAndMissingHoursCountAsSilent() {
        // GIVEN stored rows for two channels every hour of the day before, plus the guild-wide joins row,
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

        // THEN the usual hour is 100 messages, 14:00–15:00 had none, and 15:xx is not looked at yet
        assertThat(lookback).isEqualTo(new TimeWindow(HOUR.minus(Duration.ofHours(25)), HOUR));
        assertThat(result.usual()).isEqualTo(100.0);
        assertThat(result.observed()).isZero();
        assertThat(result.dropped()).isTrue();
    }

    @Test
    void badInputGetsAClearError() {
        // GIVEN the wrong number of hours, or a negative count
        // THEN each is refused with a message saying what was expected
        assertThatThrownBy(() -> ActivityDropCheck.check(DEFAULT, new long[24], HOUR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected 25 hourly counts (24 trailing + 1 observed), got 24");
        long[] negative = day(10, 10);
        negative[3] = -1;
        assertThatThrownBy(() -> ActivityDropCheck.check(DEFAULT, negative, HOUR))
                .hasMessage("message counts cannot be negative: -1");
    }
}
