package io.serverpulse.collector.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.collector.app.Collector;
import io.serverpulse.collector.support.Buckets;
import io.serverpulse.collector.support.GatewayProgress;
import io.serverpulse.collector.support.Lockstep;
import io.serverpulse.collector.support.TestBots;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.LeaderboardQuery;
import io.serverpulse.common.metrics.Period;
import io.serverpulse.common.metrics.TimeWindow;
import io.serverpulse.common.metrics.flush.FlushStats;
import io.serverpulse.common.metrics.flush.ShutdownReport;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.sim.GroundTruth;
import io.serverpulse.emulator.sim.Scenarios;
import io.serverpulse.emulator.sim.SimulatedClock;
import io.serverpulse.emulator.sim.SimulatedCommunity;
import io.serverpulse.emulator.timeline.TimelineEvent;
import io.serverpulse.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulated week of a large guild (more than 100,000 gateway events: messages, reactions, single
 * and bulk deletions, joins, leaves, voice) through the real JDA collector into SQLite: every
 * stored bucket per channel, member, emoji, hour and day, every leaderboard and every total equals
 * the emulator's ground truth exactly.
 */
class WeekGroundTruthTest {

    static final int EVENTS = 100_000;

    @TempDir
    Path dir;

    @Test
    void aWeekOfMoreThan100kEventsIsStoredExactlyAsTheGroundTruth() throws Exception {
        // GIVEN a week of a 1,500-member guild, 8 of its 12 text channels whitelisted
        long t0 = System.nanoTime();
        SimulatedCommunity sim = Scenarios.week(5, EVENTS);
        assertThat(sim.events()).hasSizeGreaterThanOrEqualTo(EVENTS);
        long guildId = sim.community().guildId();
        SimulatedClock clock = new SimulatedClock(sim.start());
        GatewayProgress progress = new GatewayProgress();
        long t1;
        long t2;
        Collector collector;
        ShutdownReport report;
        try (DiscordEmulator discord = TestBots.emulator(sim); SqliteStore store = SqliteStore.open(dir)) {
            TestBots.whitelist(store, sim);
            collector = TestBots.collector(discord, TestBots.config(discord, Map.of()), store, clock, progress).start();
            TestBots.awaitReady(collector);

            // WHEN every event is played through the gateway and the collector shuts down at the week's end
            t1 = System.nanoTime();
            new Lockstep(discord, clock, progress).play(sim.events());
            t2 = System.nanoTime();
            clock.advanceTo(sim.end());
            report = collector.shutdown();

            // THEN nothing was left unwritten or dropped, in far fewer writes than events
            assertThat(report.complete()).isTrue();
            FlushStats flushes = collector.flushStats();
            assertThat(flushes.eventsWritten()).isEqualTo(flushes.eventsRecorded());
            assertThat((double) flushes.batchesApplied() / flushes.eventsWritten()).isLessThan(0.01);

            // every bucket, with every counter, equals the ground truth
            GroundTruth truth = sim.groundTruth();
            assertThat(Buckets.differences(Buckets.stored(store, guildId), Buckets.ofGuild(truth.buckets(), guildId))).isEmpty();

            // and so does every leaderboard (messages and reactions, guild-wide and per channel, all periods, each day)
            List<Long> channels = new ArrayList<>(sim.collectedChannelIds());
            channels.add(0, BucketKey.ALL_CHANNELS);
            int compared = 0;
            for (Instant now = sim.start().plus(Duration.ofHours(20)); now.isBefore(sim.end()); now = now.plus(Duration.ofHours(31))) {
                for (Period period : Period.values()) {
                    for (long channel : channels) {
                        for (Counter counter : List.of(Counter.MESSAGES, Counter.REACTIONS)) {
                            LeaderboardQuery query = new LeaderboardQuery(guildId, channel, counter, period, now, LeaderboardQuery.MAX_LIMIT);
                            assertThat(store.topMembers(query)).as(query.toString()).isEqualTo(truth.topMembers(query));
                            compared++;
                        }
                    }
                }
            }
            assertThat(compared).isGreaterThan(200);
            TimeWindow week = new TimeWindow(sim.start(), sim.end());
            for (Counter counter : List.of(Counter.MESSAGES, Counter.REACTIONS, Counter.DELETIONS, Counter.VOICE_SECONDS,
                    Counter.VOICE_JOINS)) {
                assertThat(store.totals(BucketKind.CHANNEL_HOUR, guildId, counter, week, 100))
                        .as("busiest channels by " + counter).isEqualTo(truth.totals(BucketKind.CHANNEL_HOUR, guildId, counter, week, 100));
            }
            assertThat(store.totals(BucketKind.EMOJI_DAY, guildId, Counter.REACTIONS, week, 100))
                    .isEqualTo(truth.totals(BucketKind.EMOJI_DAY, guildId, Counter.REACTIONS, week, 100));

            // every join and leave is in the member event log once
            long joinsAndLeaves = sim.events().stream()
                    .filter(e -> e instanceof TimelineEvent.MemberAdd || e instanceof TimelineEvent.MemberRemove).count();
            assertThat(store.memberEvents(guildId, Buckets.ALL_TIME)).hasSize((int) joinsAndLeaves);
        }
        long t3 = System.nanoTime();
        FlushStats stats = collector.flushStats();
        System.out.printf("Week: %d gateway events (generated in %.1f s), played in %.1f s (%.0f events/s), checked in %.1f s; "
                        + "%d activity events written in %d bulk writes (%d bucket upserts)%n",
                sim.events().size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, sim.events().size() / ((t2 - t1) / 1e9), (t3 - t2) / 1e9,
                stats.eventsWritten(), stats.batchesApplied(), stats.bucketsWritten());
    }
}
