package io.serverpulse.collector.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.members.MemberEvent;
import io.serverpulse.common.metrics.ActivityEvent;
import io.serverpulse.common.metrics.MetricAggregator;
import io.serverpulse.common.retention.RetentionPolicy;
import io.serverpulse.common.settings.Retention;
import io.serverpulse.common.testing.MutableClock;
import io.serverpulse.emulator.sim.ActivityMapper;
import io.serverpulse.emulator.sim.Scenarios;
import io.serverpulse.emulator.sim.SimulatedCommunity;
import io.serverpulse.store.sqlite.SqliteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A week of a large guild's activity replayed into SQLite with a retention of one day: with the
 * collector's hourly sweep the file stops growing after the first day, while the same week without
 * the sweep keeps growing day after day.
 */
class SqliteFileGrowthTest {

    private static final Duration FLUSH = Duration.ofMinutes(15);

    @TempDir
    Path swept;

    @TempDir
    Path kept;

    @Test
    void theFileStopsGrowingUnderAWeekOfEventsWithOneDayRetention() throws Exception {
        long started = System.nanoTime();
        // GIVEN a week of a 1,500-member guild, and two stores keeping one day (RETENTION_METRICS_DAYS=1 and so on)
        SimulatedCommunity sim = Scenarios.calmWeek(13, 60_000);
        List<ActivityEvent> events = ActivityMapper.mapAll(sim, false);
        RetentionPolicy oneDay = new RetentionPolicy(new Retention(1, 1, 1));
        MutableClock clock = new MutableClock(sim.start());
        List<Long> sweptSizes = new ArrayList<>();
        List<Long> keptSizes = new ArrayList<>();
        SqliteStore.Options options = SqliteStore.Options.defaults().withRetention(oneDay).withClock(clock);
        try (SqliteStore sweptStore = SqliteStore.open(swept, options);
             SqliteStore keptStore = SqliteStore.open(kept, options);
             RetentionMaintenance maintenance = new RetentionMaintenance(sweptStore, clock, RetentionMaintenance.Schedule.defaults())) {
            // WHEN the events are written in batches of a quarter of an hour into both (the collector flushes every
            // few seconds; fewer, larger batches make the same rows); the first store is swept every hour by the
            // collector's retention sweep, the other never
            MetricAggregator aggregator = new MetricAggregator();
            List<MemberEvent> joinsAndLeaves = new ArrayList<>();
            Instant minute = sim.start().truncatedTo(ChronoUnit.HOURS);
            for (ActivityEvent event : events) {
                while (!event.at().isBefore(minute.plus(FLUSH))) {
                    var batch = aggregator.drain();
                    sweptStore.apply(batch);
                    keptStore.apply(batch);
                    sweptStore.recordMemberEvents(joinsAndLeaves);
                    keptStore.recordMemberEvents(joinsAndLeaves);
                    joinsAndLeaves.clear();
                    minute = minute.plus(FLUSH);
                    if (minute.equals(minute.truncatedTo(ChronoUnit.HOURS))) {
                        clock.set(minute);
                        maintenance.sweepNow();
                        if (minute.equals(minute.truncatedTo(ChronoUnit.DAYS))) {
                            sweptSizes.add(size(swept));
                            keptSizes.add(size(kept));
                        }
                    }
                }
                aggregator.add(event);
                if (event instanceof ActivityEvent.MemberJoined j) {
                    joinsAndLeaves.add(new MemberEvent(j.guildId(), j.memberId(), MemberEvent.Kind.JOIN, j.at()));
                } else if (event instanceof ActivityEvent.MemberLeft l) {
                    joinsAndLeaves.add(new MemberEvent(l.guildId(), l.memberId(), MemberEvent.Kind.LEAVE, l.at()));
                }
            }
        }

        // THEN without the sweep the file grows every day; with it, after the first day it stays at about a day's data
        System.out.printf("SQLite file at midnight (bytes), one-day retention: swept %s, never swept %s (%d events, %.1f s)%n",
                sweptSizes, keptSizes, events.size(), (System.nanoTime() - started) / 1e9);
        assertThat(sweptSizes).hasSizeGreaterThanOrEqualTo(6);
        assertThat(keptSizes).isSortedAccordingTo(Long::compare).doesNotHaveDuplicates();
        assertThat(keptSizes.get(keptSizes.size() - 1)).isGreaterThan(keptSizes.get(0) * 5 / 2);
        long settled = Math.max(sweptSizes.get(0), sweptSizes.get(1));
        assertThat(sweptSizes.subList(2, sweptSizes.size())).allSatisfy(bytes -> assertThat(bytes).isLessThan(settled * 3 / 2));
        assertThat(sweptSizes.get(sweptSizes.size() - 1)).isLessThan(keptSizes.get(keptSizes.size() - 1) / 3);
    }

    private static long size(Path dataDir) throws IOException {
        long bytes = 0;
        for (String name : List.of(SqliteStore.FILE_NAME, SqliteStore.FILE_NAME + "-wal")) {
            Path file = dataDir.resolve(name);
            if (Files.exists(file)) {
                bytes += Files.size(file);
            }
        }
        return bytes;
    }
}
