package io.serverpulse.common.leaderboard;

import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.MemberCount;
import io.serverpulse.common.metrics.Period;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A computed leaderboard kept for quick answers and for digests; one per guild, channel, counter and period. */
public record CachedLeaderboard(long guildId, long channelId, Counter counter, Period period, Instant computedAt, List<MemberCount> entries) {

    public CachedLeaderboard {
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(computedAt, "computedAt");
        entries = List.copyOf(entries);
    }

    public String id() {
        return guildId + ":" + channelId + ":" + counter.field() + ":" + period.label();
    }
}
