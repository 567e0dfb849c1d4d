package io.serverpulse.common.metrics;

import java.time.Instant;
import java.util.Objects;

/**
 * Top members of a guild by {@code counter} in {@code period} at {@code now}; guild-wide when
 * {@code channelId} is {@link BucketKey#ALL_CHANNELS}. Ties are broken by member id ascending so
 * that every store returns the same order.
 */
public record LeaderboardQuery(long guildId, long channelId, Counter counter, Period period, Instant now, int limit) {

    public static final int MAX_LIMIT = 100;

    public LeaderboardQuery {
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(now, "now");
        if (counter != Counter.MESSAGES && counter != Counter.REACTIONS) {
            throw new IllegalArgumentException("members are ranked by messages or reactions, not " + counter);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ": " + limit);
        }
    }

    public static LeaderboardQuery messages(long guildId, long channelId, Period period, Instant now, int limit) {
        return new LeaderboardQuery(guildId, channelId, Counter.MESSAGES, period, now, limit);
    }

    public TimeWindow window() {
        return period.window(now);
    }
}
