package io.serverpulse.common.leaderboard;

import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.MemberCount;
import io.serverpulse.common.metrics.Period;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A computed leaderboard kept for quick answers and for digests; one per guild, channel, counter and
 * period.
 *
 * @param computedAt the end of the window it was computed over (the leaderboards of
 *     {@code /topmessagers} and {@code /leaderboard} keep the period's settled days, which end there)
 * @param entries the top members, highest first
 * @param total the counter's total over the same window and channel (or guild), all members included
 */
public record CachedLeaderboard(long guildId, long channelId, Counter counter, Period period, Instant computedAt,
                                List<MemberCount> entries, long total) {

    public CachedLeaderboard {
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(computedAt, "computedAt");
        entries = List.copyOf(entries);
        if (total < 0) {
            throw new IllegalArgumentException("total must not be negative: " + total);
        }
    }

    public String id() {
        return guildId + ":" + channelId + ":" + counter.field() + ":" + period.label();
    }
}
