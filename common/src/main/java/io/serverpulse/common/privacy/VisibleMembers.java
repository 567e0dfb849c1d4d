package io.serverpulse.common.privacy;

import io.serverpulse.common.metrics.LeaderboardQuery;
import io.serverpulse.common.metrics.MemberCount;
import io.serverpulse.common.store.Store;
import java.util.List;
import java.util.Set;

/**
 * The one place that leaves opted-out members out of what members are shown by: a ranking asks the
 * store for as many more entries as the guild has opt-outs, drops those members and keeps the
 * requested number (the store answers at most {@link LeaderboardQuery#MAX_LIMIT} entries, so in a
 * guild where nearly that many members opted out a ranking may show fewer entries than it could).
 * Counts made before an opt-out stay stored (until they expire or are erased) but are never shown again.
 */
public final class VisibleMembers {

    private VisibleMembers() {
    }

    /** {@link io.serverpulse.common.metrics.MetricsStore#topMembers}, without the guild's opted-out members. */
    public static List<MemberCount> topMembers(Store store, LeaderboardQuery query) {
        return topMembers(store, query, store.optedOut(query.guildId()));
    }

    /** The same, with the guild's opted-out members already read ({@code hidden}). */
    public static List<MemberCount> topMembers(Store store, LeaderboardQuery query, Set<Long> hidden) {
        if (hidden.isEmpty()) {
            return store.topMembers(query);
        }
        return without(store.topMembers(widened(query, hidden)), hidden, query.limit());
    }

    /** The same ranking asking for as many more entries as {@code hidden} holds (at most {@link LeaderboardQuery#MAX_LIMIT}). */
    public static LeaderboardQuery widened(LeaderboardQuery query, Set<Long> hidden) {
        if (hidden.isEmpty()) {
            return query;
        }
        return query.within(query.window(), Math.min(LeaderboardQuery.MAX_LIMIT, query.limit() + hidden.size()));
    }

    /** The first {@code limit} entries of a ranking that are not of {@code hidden} members. */
    public static List<MemberCount> without(List<MemberCount> ranking, Set<Long> hidden, int limit) {
        return ranking.stream().filter(entry -> !hidden.contains(entry.memberId())).limit(limit).toList();
    }
}
