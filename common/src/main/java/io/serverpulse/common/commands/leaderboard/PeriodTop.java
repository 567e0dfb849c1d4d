package io.serverpulse.common.commands.leaderboard;

import io.serverpulse.common.leaderboard.CachedLeaderboard;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.KeyCount;
import io.serverpulse.common.metrics.LeaderboardQuery;
import io.serverpulse.common.metrics.MemberCount;
import io.serverpulse.common.metrics.Period;
import io.serverpulse.common.metrics.TimeWindow;
import io.serverpulse.common.store.Store;
import io.serverpulse.common.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message leaderboard of a day-based period ({@code 7d}, {@code 30d}, {@code all}), exact, read in
 * a time that does not grow with the period's messages or members: the period is cut into its
 * <em>settled</em> days (all but the last two) and its <em>recent</em> days (yesterday and today).
 *
 * <ul>
 *   <li>The settled days' top {@value #KEPT} members and total are computed once per day, by the
 *       plain aggregation, and kept in the {@link io.serverpulse.common.leaderboard.LeaderboardCacheStore}
 *       ({@link CachedLeaderboard#computedAt()} = the end of the settled days). They no longer
 *       change: a late write lands in yesterday or today, which are read live.</li>
 *   <li>The recent days' members (up to {@value #RECENT}: all of them in all but the largest
 *       guilds) and total are read live (two days of rows).</li>
 *   <li>The two are merged by the threshold rule: a member outside a list has at most that list's
 *       smallest count there (none at all if the list is not full); a candidate
 *       that could still reach the top has its missing part read exactly (its own rows, by the
 *       member index); a member in neither list is bounded by the two thresholds' sum. When that
 *       bound (or a tie on it) could reach the top, the plain aggregation answers instead, so the
 *       answer is always the exact leaderboard.</li>
 * </ul>
 * Exactness is checked by a property test against the plain aggregation. What is not followed
 * within the day: rows of settled days removed by the retention sweep or written more than a day
 * late (an outage longer than a day) show in the next day's computation.
 */
final class PeriodTop {

    /** Members kept for the settled days (one cached row). */
    static final int KEPT = 100;
    /** Members read for the recent days: every one of them in all but the largest guilds. */
    static final int RECENT = LeaderboardQuery.MAX_LIMIT;
    /** Channels summed for a guild-wide total; more than any guild collects in practice. */
    static final int MAX_CHANNELS = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(PeriodTop.class);

    private PeriodTop() {
    }

    /** A leaderboard and the total its shares are of. */
    record Top(List<MemberCount> entries, long total) {
    }

    /** Whether {@link #read} serves this period (day buckets); {@code 24h} is read directly. */
    static boolean serves(Period period) {
        return period.memberBuckets() == BucketKind.MEMBER_DAY;
    }

    /** The top {@code limit} (at most {@value #KEPT}) members of the query's period and its total. */
    static Top read(Store store, LeaderboardQuery query) {
        return read(store, query, RECENT);
    }

    /** {@link #read(Store, LeaderboardQuery)} reading at most {@code recentLimit} members of the recent days (tests: small lists). */
    static Top read(Store store, LeaderboardQuery query, int recentLimit) {
        TimeWindow window = query.window();
        Instant recentFrom = recentFrom(query.now());
        if (!window.from().isBefore(recentFrom)) {
            // no settled day (a period of at most two days): nothing to keep
            return new Top(store.topMembers(query), total(store, query, window));
        }
        TimeWindow settled = new TimeWindow(window.from(), recentFrom);
        TimeWindow recent = new TimeWindow(recentFrom, window.to());
        CachedLeaderboard past = settled(store, query, settled);
        List<MemberCount> recentTop = store.topMembers(query.within(recent, recentLimit));
        long total = past.total() + total(store, query, recent);
        return merge(store, query, settled, recent, new Part(past.entries(), KEPT), new Part(recentTop, recentLimit))
                .map(entries -> new Top(entries, total))
                .orElseGet(() -> new Top(store.topMembers(query), total));
    }

    /**
     * How many members the period's settled days list as kept today (at most {@value #KEPT}), or 0
     * when nothing is kept for them yet: a lower bound of the period's members with a count, read
     * from one cached row.
     */
    static int settledMembers(Store store, long guildId, long channelId, Period period, Instant now) {
        if (!serves(period)) {
            return 0;
        }
        LeaderboardQuery query = LeaderboardQuery.messages(guildId, channelId, period, now, 1);
        Instant recentFrom = recentFrom(now);
        if (!query.window().from().isBefore(recentFrom)) {
            return 0;
        }
        return store.leaderboard(guildId, channelId, Counter.MESSAGES, period)
                .filter(kept -> kept.computedAt().equals(recentFrom))
                .map(kept -> kept.entries().size()).orElse(0);
    }

    private static Instant recentFrom(Instant now) {
        return now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));
    }

    /** The settled days' board: from the cache if it was computed for them, else computed now and kept. */
    private static CachedLeaderboard settled(Store store, LeaderboardQuery query, TimeWindow settled) {
        Optional<CachedLeaderboard> cached = store.leaderboard(query.guildId(), query.channelId(), query.counter(), query.period());
        if (cached.isPresent() && cached.get().computedAt().equals(settled.to())) {
            return cached.get();
        }
        CachedLeaderboard computed = new CachedLeaderboard(query.guildId(), query.channelId(), query.counter(), query.period(),
                settled.to(), store.topMembers(query.within(settled, KEPT)), total(store, query, settled));
        try {
            store.saveLeaderboard(computed);
        } catch (StoreException e) {
            // the answer stands; the next read computes it again
            LOG.warn("Could not keep the settled days' leaderboard {}: {}", computed.id(), e.getMessage());
        }
        return computed;
    }

    /**
     * The exact top {@code query.limit()} from the two lists, or empty when a member in neither
     * could reach it (the caller then aggregates the whole period).
     */
    private static Optional<List<MemberCount>> merge(Store store, LeaderboardQuery query, TimeWindow settled, TimeWindow recent,
                                                     Part first, Part second) {
        Set<Long> candidates = new HashSet<>(first.counts.keySet());
        candidates.addAll(second.counts.keySet());
        Map<Long, Long> exact = new HashMap<>();
        Map<Long, Long> upper = new HashMap<>();
        for (long member : candidates) {
            Long a = first.exact(member);
            Long b = second.exact(member);
            if (a != null && b != null) {
                exact.put(member, a + b);
            } else {
                upper.put(member, (a != null ? a : first.threshold) + (b != null ? b : second.threshold));
            }
        }
        // read the missing part of the candidates that could still reach the top, best first
        List<Map.Entry<Long, Long>> open = new ArrayList<>(upper.entrySet());
        open.sort(Map.Entry.<Long, Long>comparingByValue().reversed());
        for (Map.Entry<Long, Long> candidate : open) {
            long cut = cut(exact, query.limit());
            if (candidate.getValue() < cut) {
                break;
            }
            long member = candidate.getKey();
            long a = first.exact(member) != null ? first.exact(member) : own(store, query, member, settled);
            long b = second.exact(member) != null ? second.exact(member) : own(store, query, member, recent);
            exact.put(member, a + b);
        }
        List<MemberCount> ranked = exact.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> new MemberCount(e.getKey(), e.getValue()))
                .sorted(MemberCount.RANKING)
                .limit(query.limit()).toList();
        long outsiders = first.threshold + second.threshold;
        boolean full = ranked.size() == query.limit();
        if (outsiders > 0 && (!full || outsiders >= ranked.get(ranked.size() - 1).count())) {
            return Optional.empty();
        }
        return Optional.of(ranked);
    }

    /** The count a candidate must exceed to matter: the {@code limit}-th exact count so far, 1 until there are that many. */
    private static long cut(Map<Long, Long> exact, int limit) {
        if (exact.size() < limit) {
            return 1;
        }
        return exact.values().stream().sorted(Comparator.reverseOrder()).skip(limit - 1).findFirst().orElse(1L);
    }

    /** A member's own count in a window (their rows, by the member index). */
    private static long own(Store store, LeaderboardQuery query, long member, TimeWindow window) {
        return store.buckets(BucketKind.MEMBER_DAY, query.guildId(), query.channelId(), member, window).stream()
                .mapToLong(row -> row.get(query.counter())).sum();
    }

    /** The counter's total in a window: per channel-hour, summed over every channel for the whole guild. */
    static long total(Store store, LeaderboardQuery query, TimeWindow window) {
        if (query.channelId() == BucketKey.ALL_CHANNELS) {
            return store.totals(BucketKind.CHANNEL_HOUR, query.guildId(), query.counter(), window, MAX_CHANNELS).stream()
                    .mapToLong(KeyCount::count).sum();
        }
        return store.buckets(BucketKind.CHANNEL_HOUR, query.guildId(), query.channelId(), null, window).stream()
                .mapToLong(row -> row.get(query.counter())).sum();
    }

    /** One list: exact counts of its members, and the most any member outside it can have. */
    private static final class Part {
        final Map<Long, Long> counts = new HashMap<>();
        final long threshold;

        Part(List<MemberCount> top, int limit) {
            top.forEach(entry -> counts.put(entry.memberId(), entry.count()));
            // a full list's last count bounds everyone outside it; a shorter list holds every member with a count
            threshold = top.size() < limit ? 0 : top.get(top.size() - 1).count();
        }

        /** The member's exact count here, or null if only bounded by the threshold. */
        Long exact(long member) {
            Long count = counts.get(member);
            return count != null ? count : threshold == 0 ? 0L : null;
        }
    }
}
