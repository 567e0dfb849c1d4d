package io.serverpulse.common.commands.leaderboard;

import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.LeaderboardQuery;
import io.serverpulse.common.metrics.MemberCount;
import io.serverpulse.common.metrics.Period;
import io.serverpulse.common.metrics.TimeWindow;
import io.serverpulse.common.privacy.VisibleMembers;
import io.serverpulse.common.store.Store;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A message leaderboard and the total it is a share of: every message counted in the period, in
 * the channel or (guild-wide) in all collected channels. Reads pre-aggregated buckets only. Members
 * who opted out are left out ({@link VisibleMembers}); the total still counts what they did before.
 *
 * @param channelId a channel, or {@link BucketKey#ALL_CHANNELS} for the whole guild
 * @param droppedEvents activity events of the guild in the period that could not be counted (the
 *     collector was overloaded: {@link Counter#DROPPED_EVENTS}); the board says so when it is not 0
 */
public record LeaderboardData(long channelId, Period period, List<MemberCount> entries, long total, long droppedEvents) {

    /** Entries shown (and ranked in the chart). */
    public static final int SIZE = 10;

    public LeaderboardData {
        entries = List.copyOf(entries);
        long listed = entries.stream().mapToLong(MemberCount::count).sum();
        total = Math.max(total, listed);
    }

    /**
     * Reads the leaderboard: {@code 7d}, {@code 30d} and {@code all} through {@link PeriodTop} (the
     * settled days kept once a day, the last two read live), {@code 24h} from its member-hour rows.
     */
    public static LeaderboardData load(Store store, long guildId, long channelId, Period period, Instant now) {
        LeaderboardQuery query = LeaderboardQuery.messages(guildId, channelId, period, now, SIZE);
        long dropped = droppedEvents(store, guildId, query.window());
        Set<Long> hidden = store.optedOut(guildId);
        if (PeriodTop.serves(period) && SIZE + hidden.size() <= PeriodTop.KEPT) {
            // as many more as opted out, so that the board still shows SIZE members once they are left out
            PeriodTop.Top top = PeriodTop.read(store, VisibleMembers.widened(query, hidden));
            return new LeaderboardData(channelId, period, VisibleMembers.without(top.entries(), hidden, SIZE), top.total(),
                    dropped);
        }
        List<MemberCount> entries = VisibleMembers.topMembers(store, query, hidden);
        long total = entries.isEmpty() ? 0 : PeriodTop.total(store, query, query.window());
        return new LeaderboardData(channelId, period, entries, total, dropped);
    }

    /** The guild's events in the window that could not be counted, from its guild-wide hourly rows. */
    public static long droppedEvents(Store store, long guildId, TimeWindow window) {
        return store.buckets(BucketKind.CHANNEL_HOUR, guildId, BucketKey.GUILD_WIDE, null, window).stream()
                .mapToLong(row -> row.get(Counter.DROPPED_EVENTS)).sum();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public double share(MemberCount entry) {
        return total == 0 ? 0 : (double) entry.count() / total;
    }
}
