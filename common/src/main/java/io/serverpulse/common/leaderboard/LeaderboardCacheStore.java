package io.serverpulse.common.leaderboard;

import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.Period;
import java.util.Optional;

/** Cached leaderboards, one per guild, channel, counter and period; saving replaces. */
public interface LeaderboardCacheStore {

    void saveLeaderboard(CachedLeaderboard leaderboard);

    Optional<CachedLeaderboard> leaderboard(long guildId, long channelId, Counter counter, Period period);
}
