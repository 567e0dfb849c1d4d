package io.serverpulse.collector.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.collector.gateway.GatewayGaps;
import io.serverpulse.common.alerts.AlertNotice;
import io.serverpulse.common.alerts.detect.ActivityDropWatch;
import io.serverpulse.common.metrics.ActivityEvent;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.MetricsStore;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.metrics.flush.MetricFlusher;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.store.StoreException;
import io.serverpulse.common.store.memory.InMemoryStore;
import io.serverpulse.common.testing.ForwardingMetricsStore;
import io.serverpulse.emulator.sim.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class ActivityDropScheduleTest {

    private static final long GUILD = 8_000L;
    private static final long OTHER = 8_001L;
    private static final long CHANNEL = 81L;
    private static final Instant DROP = Instant.parse("2026-03-10T19:00:00Z");

    private final InMemoryStore store = new InMemoryStore();
    private volatile boolean databaseDown;
    /** The store's metrics, unreachable for writes while {@link #databaseDown}. */
    private final MetricsStore metrics = new ForwardingMetricsStore(store) {
        @Override
        public void apply(MetricBatch batch) {
            if (databaseDown) {
                throw new StoreException("database unreachable (test)");
            }
            super.apply(batch);
        }
    };
    private final MetricFlusher flusher = MetricFlusher.builder(metrics).build();
    private final List<AlertNotice> notices = new ArrayList<>();
    private final List<Runnable> tasks = new ArrayList<>();
    /** Runs each task at once, as the scheduler thread would, and counts them. */
    private final Executor executor = task -> {
        tasks.add(task);
        task.run();
    };

    ActivityDropScheduleTest() {
        // 8 days of 100 messages an hour in both guilds, stored
        MetricBatch.Builder batch = MetricBatch.builder("history");
        for (Instant h = DROP.minus(Duration.ofDays(8)); h.isBefore(DROP); h = h.plus(Duration.ofHours(1))) {
            batch.add(BucketKey.channelHour(GUILD, CHANNEL, h), Counter.MESSAGES, 100);
            batch.add(BucketKey.channelHour(OTHER, CHANNEL, h), Counter.MESSAGES, 100);
        }
        store.apply(batch.build());
    }

    /** The collector's time, for the gateway's connection history. */
    private final SimulatedClock clock = new SimulatedClock(DROP.minus(Duration.ofHours(2)));
    private final GatewayGaps gaps = new GatewayGaps(clock);

    private ActivityDropSchedule schedule(long[] served, Instant startedAt) {
        return new ActivityDropSchedule(new ActivityDropWatch(store, store), flusher, () -> served,
                id -> Optional.of(GuildSettings.defaults(id).withCollectChannels(Set.of(CHANNEL), startedAt)), notices::add,
                executor, startedAt, gaps, Duration.ZERO);
    }

    /** {@code count} messages in {@code hour}, recorded in the aggregator only (not flushed). */
    private void record(Instant hour, int count) {
        for (int i = 0; i < count; i++) {
            flusher.record(new ActivityEvent.MessagePosted(GUILD, CHANNEL, 1, hour.plusSeconds(i)));
        }
    }

    @Test
    void theFirstEventOfAnHourFlushesTheFinishedHourThenChecksItOnce() {
        // GIVEN a collector running for days, 10 messages in 19:00-20:00 still in the aggregator
        ActivityDropSchedule schedule = schedule(new long[] {GUILD}, DROP.minus(Duration.ofHours(2)));
        record(DROP, 10);

        // WHEN events of 20:xx arrive (and one late event of 19:xx)
        schedule.eventAt(DROP.plus(Duration.ofMinutes(61)));
        schedule.eventAt(DROP.plus(Duration.ofMinutes(75)));
        schedule.eventAt(DROP.plus(Duration.ofMinutes(59)));

        // THEN one check ran, on the flushed counts: the drop opened with its 10 messages
        assertThat(tasks).hasSize(1);
        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(AlertNotice.Kind.OPENED);
            assertThat(n.alert().observed()).isEqualTo(10);
            assertThat(n.alert().startedAt()).isEqualTo(DROP);
        });
        assertThat(schedule.checkedUpTo()).isEqualTo(DROP.plus(Duration.ofHours(1)));
    }

    @Test
    void boundariesMissedInBetweenAreCheckedInOrder() {
        // GIVEN 3 hours of 10 messages, then 2 hours of 100, and no trigger in between
        ActivityDropSchedule schedule = schedule(new long[] {GUILD}, DROP.minus(Duration.ofHours(2)));
        schedule.tick(DROP.plus(Duration.ofMinutes(5)));
        record(DROP, 10);
        record(DROP.plus(Duration.ofHours(1)), 10);
        record(DROP.plus(Duration.ofHours(2)), 10);
        record(DROP.plus(Duration.ofHours(3)), 100);
        record(DROP.plus(Duration.ofHours(4)), 100);

        // WHEN the scheduler ticks at 00:10
        schedule.tick(DROP.plus(Duration.ofMinutes(310)));

        // THEN each hour was checked: the drop opened at 19:00 and ended at 22:00
        assertThat(notices).extracting(AlertNotice::kind).containsExactly(AlertNotice.Kind.OPENED, AlertNotice.Kind.ENDED);
        assertThat(notices.get(1).alert().endedAt()).isEqualTo(DROP.plus(Duration.ofHours(3)));
        assertThat(schedule.checkedUpTo()).isEqualTo(DROP.plus(Duration.ofHours(5)));
    }

    @Test
    void onlyServedGuildsAndWindowsWatchedFromTheirStartAreChecked() {
        // GIVEN both guilds silent in 19:00-20:00, but only GUILD served by this process
        ActivityDropSchedule served = schedule(new long[] {GUILD}, DROP.minus(Duration.ofHours(2)));
        // and another process that started at 19:30
        ActivityDropSchedule late = schedule(new long[] {GUILD, OTHER}, DROP.plus(Duration.ofMinutes(30)));

        // WHEN both check the hour ending at 20:00
        late.tick(DROP.plus(Duration.ofHours(1)));
        served.tick(DROP.plus(Duration.ofHours(1)));

        // THEN only the served guild's drop is reported, by the process that watched the whole hour
        assertThat(notices).singleElement().satisfies(n -> assertThat(n.alert().guildId()).isEqualTo(GUILD));
        assertThat(late.checkedUpTo()).isEqualTo(DROP.plus(Duration.ofHours(1)));
    }

    @Test
    void whileTheFinishedHourCannotBeWrittenItIsNotCheckedButRetriedLater() {
        // GIVEN 10 messages in 19:00-20:00 in the aggregator, and the database unreachable
        ActivityDropSchedule schedule = schedule(new long[] {GUILD}, DROP.minus(Duration.ofHours(2)));
        schedule.tick(DROP);
        record(DROP, 10);
        databaseDown = true;

        // WHEN the hour ends
        schedule.tick(DROP.plus(Duration.ofMinutes(61)));

        // THEN nothing is checked on the incomplete counts
        assertThat(notices).isEmpty();
        assertThat(schedule.checkedUpTo()).isEqualTo(DROP);

        // WHEN the database is back by the next tick
        databaseDown = false;
        schedule.tick(DROP.plus(Duration.ofMinutes(62)));

        // THEN the hour is checked on its real counts
        assertThat(notices).singleElement().satisfies(n -> assertThat(n.alert().observed()).isEqualTo(10));
        assertThat(schedule.checkedUpTo()).isEqualTo(DROP.plus(Duration.ofHours(1)));
    }

    @Test
    void anHourWhoseEventsTheGatewayNeverReceivedIsNoDrop() {
        // GIVEN a Discord outage from 19:10 to 19:50 after which the shard had to start a new session
        // (what happened meanwhile is lost), so only 10 messages of 19:00-20:00 were received
        ActivityDropSchedule schedule = schedule(new long[] {GUILD}, DROP.minus(Duration.ofHours(2)));
        clock.advanceTo(DROP.plus(Duration.ofMinutes(10)));
        gaps.disconnected(0);
        clock.advanceTo(DROP.plus(Duration.ofMinutes(50)));
        gaps.recreated(0);
        record(DROP, 10);

        // WHEN the hour ends
        clock.advanceTo(DROP.plus(Duration.ofMinutes(61)));
        schedule.tick(clock.instant());

        // THEN the incomplete hour is not taken for a drop (an outage would otherwise page every guild)
        assertThat(notices).isEmpty();
        assertThat(schedule.checkedUpTo()).isEqualTo(DROP.plus(Duration.ofHours(1)));
        assertThat(gaps.lostIn(DROP, DROP.plus(Duration.ofHours(1)))).isPresent();
    }

    @Test
    void whileTheGatewayIsAwayTheCheckWaitsAndAResumedShardLostNothing() {
        // GIVEN 10 messages in 19:00-20:00 and the shard disconnected since 19:30
        ActivityDropSchedule schedule = schedule(new long[] {GUILD}, DROP.minus(Duration.ofHours(2)));
        schedule.tick(DROP);
        record(DROP, 10);
        clock.advanceTo(DROP.plus(Duration.ofMinutes(30)));
        gaps.disconnected(0);

        // WHEN the hour ends while it is still away
        clock.advanceTo(DROP.plus(Duration.ofMinutes(65)));
        schedule.tick(clock.instant());

        // THEN the check waits: whether events were lost is not known yet
        assertThat(notices).isEmpty();
        assertThat(schedule.checkedUpTo()).isEqualTo(DROP);

        // WHEN the shard resumes (Discord replays what it missed) and the scheduler ticks again
        gaps.resumed(0);
        schedule.tick(clock.instant());

        // THEN the complete hour is checked: the drop is real
        assertThat(notices).singleElement().satisfies(n -> assertThat(n.alert().observed()).isEqualTo(10));
    }

    @Test
    void whenEveryServedGuildFallsSilentAtOnceNoDropIsOpened() {
        // GIVEN three busy guilds served by this process, all silent in 19:00-20:00 (Discord was down for everyone)
        long third = 8_002L;
        MetricBatch.Builder batch = MetricBatch.builder("third");
        for (Instant h = DROP.minus(Duration.ofDays(8)); h.isBefore(DROP); h = h.plus(Duration.ofHours(1))) {
            batch.add(BucketKey.channelHour(third, CHANNEL, h), Counter.MESSAGES, 100);
        }
        store.apply(batch.build());
        ActivityDropSchedule schedule = schedule(new long[] {GUILD, OTHER, third}, DROP.minus(Duration.ofHours(2)));
        schedule.tick(DROP);

        // WHEN the hour ends
        schedule.tick(DROP.plus(Duration.ofMinutes(61)));

        // THEN no guild is paged: three at once is a collection outage, not three communities going quiet
        assertThat(notices).isEmpty();
        assertThat(schedule.checkedUpTo()).isEqualTo(DROP.plus(Duration.ofHours(1)));
    }
}
