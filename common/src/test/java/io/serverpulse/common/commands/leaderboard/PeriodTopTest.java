package io.serverpulse.common.commands.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.leaderboard.CachedLeaderboard;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.LeaderboardQuery;
import io.serverpulse.common.metrics.MemberCount;
import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.metrics.Period;
import io.serverpulse.common.store.memory.InMemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class PeriodTopTest {

    private static final long GUILD = 4_000L;
    private static final Instant NOW = Instant.parse("2026-06-15T10:37:12.345Z");
    private static final Instant TODAY = NOW.truncatedTo(ChronoUnit.DAYS);

    private final InMemoryStore store = new InMemoryStore();

    private void messages(long member, long count, Instant day) {
        store.apply(MetricBatch.builder().add(BucketKey.memberDay(GUILD, BucketKey.ALL_CHANNELS, member, day), Counter.MESSAGES,
                count).build());
    }

    @Test
    void theSettledDaysAreKeptOnceAndTheRecentDaysReadLive() {
        // GIVEN three members' messages ten days ago and today
        messages(1, 5, TODAY.minus(Duration.ofDays(10)));
        messages(2, 3, TODAY.minus(Duration.ofDays(10)));
        messages(2, 4, TODAY);
        messages(3, 1, TODAY);
        LeaderboardQuery query = LeaderboardQuery.messages(GUILD, BucketKey.ALL_CHANNELS, Period.LAST_30_DAYS, NOW, 10);

        // WHEN the 30-day leaderboard is read
        PeriodTop.Top top = PeriodTop.read(store, query);

        // THEN it ranks all three, and the settled days' board (up to yesterday) is kept with its total
        assertThat(top.entries()).containsExactly(new MemberCount(2, 7), new MemberCount(1, 5), new MemberCount(3, 1));
        CachedLeaderboard kept = store.leaderboard(GUILD, BucketKey.ALL_CHANNELS, Counter.MESSAGES, Period.LAST_30_DAYS).orElseThrow();
        assertThat(kept.computedAt()).isEqualTo(TODAY.minus(Duration.ofDays(1)));
        assertThat(kept.entries()).containsExactly(new MemberCount(1, 5), new MemberCount(2, 3));
    }

    @Test
    void aMemberOutsideBothListsWhoCouldLeadIsFoundByTheFullAggregation() {
        // GIVEN 100 members with 10 messages each in the settled days, 100 others with 10 each in the
        // recent days, and one member with 9 in each: 101st in both lists, and first over the period
        for (int i = 0; i < PeriodTop.KEPT; i++) {
            messages(1_000 + i, 10, TODAY.minus(Duration.ofDays(5)));
            messages(2_000 + i, 10, TODAY);
        }
        messages(5, 9, TODAY.minus(Duration.ofDays(5)));
        messages(5, 9, TODAY);
        LeaderboardQuery query = LeaderboardQuery.messages(GUILD, BucketKey.ALL_CHANNELS, Period.LAST_7_DAYS, NOW, 3);

        // WHEN the 7-day leaderboard is read, with as short a list of the recent days as the settled days'
        PeriodTop.Top top = PeriodTop.read(store, query, PeriodTop.KEPT);

        // THEN that member leads with 18, as the plain aggregation says
        assertThat(top.entries()).containsExactly(new MemberCount(5, 18), new MemberCount(1_000, 10), new MemberCount(1_001, 10));
        assertThat(top.entries()).isEqualTo(store.topMembers(query));
        assertThat(top.total()).isEqualTo(PeriodTop.total(store, query, query.window()));
    }
}
