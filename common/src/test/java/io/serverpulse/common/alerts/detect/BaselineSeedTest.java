package io.serverpulse.common.alerts.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serverpulse.common.alerts.AlertNotice;
import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertRule;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketRow;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.settings.GuildSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A restarted collector warms the raid and voice baselines from the stored hours instead of starting cold. */
class BaselineSeedTest {

    private static final long GUILD = 4_000L;
    private static final long VOICE = 555L;
    private static final long TEXT = 777L;
    /** The restart: the stored hours end here. */
    private static final Instant RESTART = Instant.parse("2026-11-28T20:00:00Z");

    private final List<AlertNotice> notices = new ArrayList<>();
    private final Map<Long, GuildSettings> settings = new HashMap<>();
    private final AlertDetector detector = new AlertDetector(
            id -> settings.getOrDefault(id, GuildSettings.defaults(id)), notices::add);
    private final DetectorScript script = new DetectorScript(detector, GUILD, notices);

    private static BucketRow row(long channel, Instant hour, Counter counter, long value) {
        Map<Counter, Long> counters = new EnumMap<>(Counter.class);
        counters.put(counter, value);
        return new BucketRow(BucketKey.channelHour(GUILD, channel, hour), counters);
    }

    /** {@code hours} stored hours before the restart, each with 2 members in voice on average and 120 joins. */
    private static List<BucketRow> storedHours(int hours) {
        List<BucketRow> rows = new ArrayList<>();
        for (int h = 1; h <= hours; h++) {
            Instant hour = RESTART.minus(Duration.ofHours(h));
            rows.add(row(VOICE, hour, Counter.VOICE_SECONDS, 2 * 3_600));
            rows.add(row(BucketKey.GUILD_WIDE, hour, Counter.JOINS, 120));
            rows.add(row(TEXT, hour, Counter.MESSAGES, 40));
        }
        return rows;
    }

    @Test
    void aVoiceSurgeRightAfterARestartIsJudgedByTheStoredDay() {
        // GIVEN a collector restarted at 20:00 whose store holds 24 hours with 2 members in voice on average
        assertThat(detector.seedBaselines(GUILD, storedHours(24), RESTART)).isTrue();

        // WHEN 6 members are in voice five minutes after the restart (3× the usual 2, default rule)
        Instant surge = RESTART.plus(Duration.ofMinutes(5));
        script.voice(RESTART, 2).voice(surge, 6).voice(surge.plusSeconds(300), 1).runUntil(surge.plus(Duration.ofMinutes(20)));

        // THEN the surge is alerted at once, with the stored day as its baseline
        assertThat(script.opened(AlertType.VOICE_SURGE)).hasSize(1);
        AlertRecord opened = script.opened(AlertType.VOICE_SURGE).get(0).alert();
        assertThat(opened.startedAt()).isEqualTo(surge);
        assertThat(opened.context()).isEqualTo("usually 2 members in voice, now 6");
        assertThat(script.ended(AlertType.VOICE_SURGE)).hasSize(1);
    }

    @Test
    void aSeededGuildQuietForAWhileKeepsItsBaseline() {
        // GIVEN a seeded guild where nothing happens for the first 40 minutes after the restart (ticks only)
        detector.seedBaselines(GUILD, storedHours(24), RESTART);
        script.runUntil(RESTART.plus(Duration.ofMinutes(40)));

        // WHEN 6 members are suddenly in voice
        Instant surge = RESTART.plus(Duration.ofMinutes(41));
        script.voice(surge, 6).runUntil(surge.plus(Duration.ofMinutes(1)));

        // THEN the surge is judged by the stored day: the seed was not forgotten as an idle guild
        assertThat(script.opened(AlertType.VOICE_SURGE)).hasSize(1);
    }

    @Test
    void withoutTheStoredHoursTheSameSurgeIsNotAlerted() {
        // GIVEN the same restart, not seeded (what happened before: the baseline needs an hour of warm-up)
        // WHEN the same surge comes five minutes after the restart
        Instant surge = RESTART.plus(Duration.ofMinutes(5));
        script.voice(RESTART, 2).voice(surge, 6).voice(surge.plusSeconds(300), 1).runUntil(surge.plus(Duration.ofMinutes(20)));

        // THEN nothing: there was no baseline yet
        assertThat(notices).isEmpty();
    }

    @Test
    void theRaidBaselineModeKnowsTheUsualJoinRateRightAfterARestart() {
        // GIVEN a guild that usually gets 2 joins a minute (120 an hour, stored), raid threshold 10 with baseline mode at 3×
        settings.put(GUILD, GuildSettings.defaults(GUILD)
                .withAlert(AlertType.JOIN_RAID, new AlertRule(true, 10, Duration.ofSeconds(60), 3.0), RESTART));
        detector.seedBaselines(GUILD, storedHours(24), RESTART);

        // WHEN 6 join within a minute, two minutes after the restart
        Instant raid = RESTART.plus(Duration.ofMinutes(2));
        script.joinsEvery(Duration.ofSeconds(10), raid, raid.plusSeconds(60)).runUntil(raid.plus(Duration.ofMinutes(15)));

        // THEN 3× the usual rate is a raid (cold, it would need the absolute 10), and its context names the stored rate
        assertThat(script.opened(AlertType.JOIN_RAID)).hasSize(1);
        assertThat(script.opened(AlertType.JOIN_RAID).get(0).alert().context()).startsWith("usually 2 joins/min, now 6 in 60 s");
    }

    @Test
    void hoursBeforeTheFirstStoredOneAreNotTakenAsQuiet() {
        // GIVEN a store holding only the last 2 hours (ServerPulse was added at 18:00), 2 members in voice on average
        detector.seedBaselines(GUILD, storedHours(2), RESTART);

        // WHEN 6 members are in voice five minutes after the restart
        Instant surge = RESTART.plus(Duration.ofMinutes(5));
        script.voice(RESTART, 2).voice(surge, 6).runUntil(surge.plus(Duration.ofMinutes(1)));

        // THEN the baseline is those 2 hours' average (2), not diluted by 22 unknown hours to 0.2
        assertThat(script.opened(AlertType.VOICE_SURGE)).hasSize(1);
        assertThat(script.opened(AlertType.VOICE_SURGE).get(0).alert().context()).isEqualTo("usually 2 members in voice, now 6");
    }

    @Test
    void aGuildIsSeededOnceAndAnEmptyStoreSeedsNothing() {
        // GIVEN a guild seeded once
        assertThat(detector.seedBaselines(GUILD, storedHours(24), RESTART)).isTrue();

        // WHEN it is seeded again, and another guild with no stored hours is seeded
        boolean again = detector.seedBaselines(GUILD, storedHours(24), RESTART);
        boolean empty = detector.seedBaselines(GUILD + 1, List.of(), RESTART);

        // THEN neither changes anything (the stored hours would otherwise count twice)
        assertThat(again).isFalse();
        assertThat(empty).isFalse();
        assertThat(detector.trackedGuilds()).isEqualTo(1);
    }

    @Test
    void rowsOfAnotherGuildOrAPartHourAreRefused() {
        // GIVEN a row of another guild
        BucketRow other = new BucketRow(BucketKey.channelHour(GUILD + 1, TEXT, RESTART.minus(Duration.ofHours(1))),
                Map.of(Counter.MESSAGES, 1L));

        // WHEN / THEN seeding with it, or up to a time that is not a whole hour, is a programming error
        assertThatThrownBy(() -> detector.seedBaselines(GUILD, List.of(other), RESTART))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> detector.seedBaselines(GUILD, storedHours(2), RESTART.plusSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole hour");
    }
}
