package io.serverpulse.common.commands.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.serverpulse.common.metrics.ActivityEvent;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.LeaderboardQuery;
import io.serverpulse.common.metrics.MetricAggregator;
import io.serverpulse.common.metrics.Period;
import io.serverpulse.common.store.memory.InMemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link PeriodTop} is the plain aggregation, exactly: whatever the members, their activity (heavy
 * tails and ties), the period and the channel, its leaderboard and total equal what the store's
 * {@code topMembers} and totals give over the whole period, on the first read (which keeps the
 * settled days), on the next (from what was kept), and after more activity in the recent days.
 */
class PeriodTopProperties {

    private static final long GUILD = 4_000L;
    private static final long CHANNEL = 11;
    private static final Instant NOW = Instant.parse("2026-06-15T10:37:12.345Z");
    private static final List<Period> PERIODS = List.of(Period.LAST_7_DAYS, Period.LAST_30_DAYS, Period.ALL_TIME);

    @Test
    void theLeaderboardIsExactlyThePlainAggregation() {
        qt().withFixedSeed(0x70_9000_01L).withExamples(120).withShrinkCycles(200)
                .forAll(longs().all(), integers().between(5, 600), doubles().between(0.0, 2.0), integers().between(0, 5))
                .checkAssert(PeriodTopProperties::matchesThePlainAggregation);
    }

    private static void matchesThePlainAggregation(long seed, int members, double skew, int shape) {
        // GIVEN a guild whose members posted over the last 40 days, with a Zipf-like skew, in 3 channels
        Random random = new Random(seed);
        InMemoryStore store = new InMemoryStore();
        post(store, random, members, skew, 40 * (20 + members / 4), Duration.ofDays(40));
        Period period = PERIODS.get(shape % PERIODS.size());
        long channel = shape < 3 ? BucketKey.ALL_CHANNELS : CHANNEL;
        int limit = shape % 2 == 0 ? LeaderboardData.SIZE : 1 + random.nextInt(PeriodTop.KEPT);
        LeaderboardQuery query = new LeaderboardQuery(GUILD, channel, io.serverpulse.common.metrics.Counter.MESSAGES, period,
                NOW, limit);

        // WHEN the leaderboard is read twice (the second from what the first kept), then again after
        // more messages yesterday and today (the days read live)
        // (the recent days' list is cut short at random, so that its bound comes into play as in the largest guilds)
        int recentLimit = shape == 0 ? PeriodTop.RECENT : 20 + random.nextInt(200);
        PeriodTop.Top first = PeriodTop.read(store, query, recentLimit);
        PeriodTop.Top second = PeriodTop.read(store, query, recentLimit);
        assertThat(store.leaderboard(GUILD, channel, query.counter(), period)).isPresent();
        PeriodTop.Top before = plain(store, query);
        Instant yesterday = NOW.truncatedTo(java.time.temporal.ChronoUnit.DAYS).minus(Duration.ofDays(1));
        post(store, random, members, skew, 10 + random.nextInt(300), Duration.between(yesterday, NOW));
        PeriodTop.Top later = PeriodTop.read(store, query, recentLimit);

        // THEN each equals the plain aggregation over the whole period at that moment
        assertThat(first).as("first read of %s", query).isEqualTo(before);
        assertThat(second).as("read from what was kept").isEqualTo(before);
        assertThat(later).as("read after more recent activity").isEqualTo(plain(store, query));
    }

    private static PeriodTop.Top plain(InMemoryStore store, LeaderboardQuery query) {
        return new PeriodTop.Top(store.topMembers(query), PeriodTop.total(store, query, query.window()));
    }

    /** {@code messages} messages within {@code span} before now, authors drawn with a Zipf-like skew. */
    private static void post(InMemoryStore store, Random random, int members, double skew, int messages, Duration span) {
        double[] weights = new double[members];
        double sum = 0;
        for (int i = 0; i < members; i++) {
            sum += 1 / Math.pow(i + 1, skew);
            weights[i] = sum;
        }
        MetricAggregator aggregator = new MetricAggregator();
        for (int i = 0; i < messages; i++) {
            double u = random.nextDouble() * sum;
            int member = 0;
            while (weights[member] < u) {
                member++;
            }
            Instant at = NOW.minus(Duration.ofMillis((long) (random.nextDouble() * span.toMillis())));
            aggregator.add(new ActivityEvent.MessagePosted(GUILD, CHANNEL + random.nextInt(3), 100 + member, at));
        }
        store.apply(aggregator.drain());
    }
}
