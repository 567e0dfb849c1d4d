package io.serverpulse.common.metrics.flush;

import io.serverpulse.common.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.serverpulse.common.metrics.ActivityEvent;
import io.serverpulse.common.metrics.ActivityEvent.MemberJoined;
import io.serverpulse.common.metrics.ActivityEvent.MessagePosted;
import io.serverpulse.common.metrics.ActivityEvent.MessagesDeleted;
import io.serverpulse.common.metrics.ActivityEvent.ReactionAdded;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.BucketRow;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.KeyCount;
import io.serverpulse.common.metrics.LeaderboardQuery;
import io.serverpulse.common.metrics.MemberCount;
import io.serverpulse.common.metrics.Period;
import io.serverpulse.common.metrics.TimeWindow;
import io.serverpulse.common.store.memory.InMemoryStore;
import io.serverpulse.common.testing.ShrinkingLists;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The flusher writing into the shared in-memory store (the fake that passes the storage contract)
 * through injected faults; the totals are read back through the store's own queries and compared
 * with the raw events.
 */
class MetricFlusherFaultsTest {

    private static final long GUILD = 1_000L;
    private static final long[] CHANNELS = {11, 12, 13};
    private static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");

    /** Ground truth kept from the raw events. */
    private static final class Truth {
        final Map<Long, Long> messagesPerChannel = new TreeMap<>();
        final Map<Long, Long> activityPerMember = new TreeMap<>();
        long joins;
        long deletions;

        void add(ActivityEvent event) {
            if (event instanceof MessagePosted m) {
                messagesPerChannel.merge(m.channelId(), 1L, Long::sum);
                activityPerMember.merge(m.memberId(), 1L, Long::sum);
            } else if (event instanceof MemberJoined) {
                joins++;
            } else if (event instanceof MessagesDeleted d) {
                deletions += d.count();
            }
        }
    }

    private static ActivityEvent randomEvent(Random random, Instant at) {
        long channel = CHANNELS[random.nextInt(CHANNELS.length)];
        long member = 100 + random.nextInt(25);
        int kind = random.nextInt(20);
        if (kind < 14) {
            return new MessagePosted(GUILD, channel, member, at);
        } else if (kind < 17) {
            return new ReactionAdded(GUILD, channel, member, kind == 15 ? "🔥" : "👍", at);
        } else if (kind < 19) {
            return new MemberJoined(GUILD, member, at);
        }
        return new MessagesDeleted(GUILD, channel, 1 + random.nextInt(5), at);
    }

    private static void assertStoreMatches(InMemoryStore store, Truth truth, Instant end) {
        TimeWindow all = new TimeWindow(T0.minus(Duration.ofDays(1)), end.plus(Duration.ofDays(1)));
        Map<Long, Long> perChannel = store.totals(BucketKind.CHANNEL_HOUR, GUILD, Counter.MESSAGES, all, 100).stream()
                .collect(Collectors.toMap(k -> Long.parseLong(k.key()), KeyCount::count, Long::sum, TreeMap::new));
        assertThat(perChannel).isEqualTo(truth.messagesPerChannel);
        Map<Long, Long> perMember = store.topMembers(
                        LeaderboardQuery.messages(GUILD, BucketKey.ALL_CHANNELS, Period.LAST_7_DAYS, end, 100)).stream()
                .collect(Collectors.toMap(MemberCount::memberId, MemberCount::count, Long::sum, TreeMap::new));
        assertThat(perMember).isEqualTo(truth.activityPerMember);
        List<BucketRow> hours = store.buckets(BucketKind.CHANNEL_HOUR, GUILD, null, null, all);
        assertThat(hours.stream().mapToLong(r -> r.get(Counter.JOINS)).sum()).isEqualTo(truth.joins);
        assertThat(hours.stream().mapToLong(r -> r.get(Counter.DELETIONS)).sum()).isEqualTo(truth.deletions);
    }

    @Test
    void theDatabaseAwayForHalfAnHourAndALostAcknowledgementStillGiveExactTotals() {
        // GIVEN a flusher (FLUSH_SECONDS=5) writing to the in-memory store, two hours of events,
        // the database down from minute 20 to 50, and a write at minute 70 whose answer times out
        MutableClock clock = new MutableClock(T0);
        ManualScheduler scheduler = new ManualScheduler(clock);
        InMemoryStore store = new InMemoryStore(clock);
        FaultyMetricsStore faulty = new FaultyMetricsStore(store);
        MetricFlusher flusher = MetricFlusher.builder(faulty).policy(FlushPolicy.everySeconds(5)).clock(clock)
                .scheduler(scheduler).sleeper(clock::advance).random(() -> 0.5).build();
        flusher.start();
        Truth truth = new Truth();
        Random random = new Random(42);

        // WHEN a few events arrive every second and the faults happen
        long pendingAtWorst = 0;
        for (int second = 0; second < 2 * 3600; second++) {
            if (second == 20 * 60) {
                faulty.setDown(true);
            } else if (second == 50 * 60) {
                faulty.setDown(false);
            } else if (second == 70 * 60) {
                faulty.script(List.of(FaultyMetricsStore.Outcome.TIMEOUT_AFTER_APPLY));
            }
            for (int i = random.nextInt(4); i > 0; i--) {
                ActivityEvent event = randomEvent(random, clock.instant());
                assertThat(flusher.record(event)).isTrue();
                truth.add(event);
            }
            pendingAtWorst = Math.max(pendingAtWorst, flusher.stats().pendingBatches());
            scheduler.advance(Duration.ofSeconds(1));
        }
        FlushStats beforeClose = flusher.stats();
        ShutdownReport report = flusher.close();

        // THEN every event is stored exactly once, as the store's own queries show
        assertThat(report.complete()).isTrue();
        assertStoreMatches(store, truth, clock.instant());
        FlushStats stats = flusher.stats();
        assertThat(stats.eventsWritten()).isEqualTo(stats.eventsRecorded());
        assertThat(stats.eventsDropped()).isZero();
        assertThat(pendingAtWorst).isEqualTo(1);
        assertThat(beforeClose.lastSuccessfulFlush()).isAfter(T0.plus(Duration.ofMinutes(110)));
        // the retry of the lost acknowledgement, plus those of the 30-minute outage
        assertThat(stats.retries()).isGreaterThanOrEqualTo(1 + 30);
    }

    /** Up to 60 write outcomes, each any of the scripted kinds. */
    static Gen<List<FaultyMetricsStore.Outcome>> outcomes() {
        return ShrinkingLists.of(arbitrary().enumValues(FaultyMetricsStore.Outcome.class), 0, 60);
    }

    @Test
    void anyMixOfOutagesAndLostAcknowledgementsCountsEveryEventOnce() {
        qt().withFixedSeed(0xF1A5_0001L).withExamples(60).withShrinkCycles(1_000)
                .forAll(outcomes(), integers().between(1, 20), longs().all())
                .checkAssert(MetricFlusherFaultsTest::everyEventIsCountedOnce);
    }

    private static void everyEventIsCountedOnce(List<FaultyMetricsStore.Outcome> faults, int flushSeconds, long seed) {
        // GIVEN random events over 20 minutes and a random, finite sequence of write outcomes
        // (close may retry for a simulated day, so the script always runs out before its deadline);
        // the backoff jitter is drawn from the try's seed too, so that every run is the same
        MutableClock clock = new MutableClock(T0);
        ManualScheduler scheduler = new ManualScheduler(clock);
        InMemoryStore store = new InMemoryStore(clock);
        FaultyMetricsStore faulty = new FaultyMetricsStore(store);
        faulty.script(faults);
        Random jitter = new Random(~seed);
        MetricFlusher flusher = MetricFlusher.builder(faulty)
                .policy(FlushPolicy.everySeconds(flushSeconds).withCloseDeadline(Duration.ofHours(24)))
                .clock(clock).scheduler(scheduler).sleeper(clock::advance).random(jitter::nextDouble).build();
        flusher.start();
        Truth truth = new Truth();
        Random random = new Random(seed);

        // WHEN the events are recorded as time passes, then the flusher is closed
        for (int second = 0; second < 20 * 60; second++) {
            for (int i = random.nextInt(3); i > 0; i--) {
                ActivityEvent event = randomEvent(random, clock.instant());
                flusher.record(event);
                truth.add(event);
            }
            scheduler.advance(Duration.ofSeconds(1));
        }
        ShutdownReport report = flusher.close();

        // THEN (the script of faults being finite) everything was written, each event once
        assertThat(report.complete()).isTrue();
        assertStoreMatches(store, truth, clock.instant());
        assertThat(flusher.stats().eventsWritten()).isEqualTo(flusher.stats().eventsRecorded());
    }
}
