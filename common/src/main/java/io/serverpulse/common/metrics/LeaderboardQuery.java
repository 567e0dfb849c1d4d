package io.serverpulse.common.metrics;

import java.time.Instant;
import java.util.Objects;

/**
 * Top members of a guild by {@code counter} in {@code period} at {@code now}; guild-wide when
 * {@code channelId} is {@link BucketKey#ALL_CHANNELS}. Ties are broken by member id ascending so
 * that every store returns the same order.
 *
 * @param window the bucket starts read: {@code period.window(now)}, or a part of it (whole buckets
 *     of the period's kind), e.g. its completed days ({@link #within})
 */
public record LeaderboardQuery(long guildId, long channelId, Counter counter, Period period, Instant now, int limit,
                               TimeWindow window) {

    /**
     * The most members one query returns: a leaderboard shows ten, and {@code PeriodTop} reads the
     * members of a period's last two days up to this many.
     */
    public static final int MAX_LIMIT = 10_000;

    /** The whole period at {@code now}. */
    public LeaderboardQuery(long guildId, long channelId, Counter counter, Period period, Instant now, int limit) {
        this(guildId, channelId, counter, period, now, limit, period.window(now));
    }

    public LeaderboardQuery {
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(window, "window");
        TimeWindow whole = period.window(now);
        if (window.from().isBefore(whole.from()) || window.to().isAfter(whole.to())) {
            throw new IllegalArgumentException("window " + window + " is not within " + period.label() + " at " + now);
        }
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

    /** The same query over a part of its window. */
    public LeaderboardQuery within(TimeWindow part, int newLimit) {
        return new LeaderboardQuery(guildId, channelId, counter, period, now, newLimit, part);
    }
}
