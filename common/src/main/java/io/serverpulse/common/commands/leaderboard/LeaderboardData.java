package io.serverpulse.common.commands.leaderboard;

import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.KeyCount;
import io.serverpulse.common.metrics.LeaderboardQuery;
import io.serverpulse.common.metrics.MemberCount;
import io.serverpulse.common.metrics.Period;
import io.serverpulse.common.metrics.TimeWindow;
import io.serverpulse.common.store.Store;
import java.time.Instant;
import java.util.List;

/**
 * A message leaderboard and the total it is a share of: every message counted in the period, in
 * the channel or (guild-wide) in all collected channels. Reads pre-aggregated buckets only.
 *
 * @param channelId a channel, or {@link BucketKey#ALL_CHANNELS} for the whole guild
 * @param droppedEvents activity events of the guild in the period that could not be counted (the
 *     collector was overloaded: {@link Counter#DROPPED_EVENTS}); the board says so when it is not 0
 */
public record LeaderboardData(long channelId, Period period, List<MemberCount> entries, long total, long droppedEvents) {

    /** Entries shown (and ranked in the chart). */
    public static final int SIZE = 10;
    /** Channels summed for the guild-wide total; more than any guild collects in practice. */
    private static final int MAX_CHANNELS = 1000;

    public LeaderboardData {
        entries = List.copyOf(entries);
        long listed = entries.stream().mapToLong(MemberCount::count).sum();
        total = Math.max(total, listed);
    }

    public static LeaderboardData load(Store store, long guildId, long channelId, Period period, Instant now) {
        LeaderboardQuery query = LeaderboardQuery.messages(guildId, channelId, period, now, SIZE);
        List<MemberCount> entries = store.topMembers(query);
        TimeWindow window = query.window();
        long dropped = droppedEvents(store, guildId, window);
        if (entries.isEmpty()) {
            return new LeaderboardData(channelId, period, entries, 0, dropped);
        }
        long total;
        if (channelId == BucketKey.ALL_CHANNELS) {
            total = store.totals(BucketKind.CHANNEL_HOUR, guildId, Counter.MESSAGES, window, MAX_CHANNELS).stream()
                    .mapToLong(KeyCount::count).sum();
        } else {
            total = store.buckets(BucketKind.CHANNEL_HOUR, guildId, channelId, null, window).stream()
                    .mapToLong(row -> row.get(Counter.MESSAGES)).sum();
        }
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
