package io.serverpulse.common.metrics;

import java.util.List;

/** Pre-aggregated counters: one idempotent batch write, and reads that touch buckets only. */
public interface MetricsStore {

    /**
     * Adds every increment of the batch to its bucket, creating buckets as needed, and sets each
     * touched bucket's {@code expire_at} from its guild's retention.
     *
     * <p>Idempotent per batch id: applying a batch that was already applied, in whole or in part
     * (a retry after a timeout or an interrupted write), adds only what was not applied before.
     * Throws {@link io.serverpulse.common.store.StoreException} if the store cannot be reached; the
     * caller keeps the batch and retries it later with the same id.
     */
    void apply(MetricBatch batch);

    /** Top members for the query, highest count first, ties by member id ascending; zero counts omitted. */
    List<MemberCount> topMembers(LeaderboardQuery query);

    /**
     * Bucket rows of one kind for a guild in a window of bucket starts, ordered by start then
     * {@link BucketKey#id()} (in Unicode code point order).
     *
     * @param channelId a channel, or {@code null} for every channel (and the guild-wide row)
     * @param memberId a member (member kinds only), or {@code null} for every member
     */
    List<BucketRow> buckets(BucketKind kind, long guildId, Long channelId, Long memberId, TimeWindow window);

    /**
     * Totals of {@code counter} in a window, grouped by channel id ({@link BucketKind#CHANNEL_HOUR},
     * guild-wide row excluded) or by emoji ({@link BucketKind#EMOJI_DAY}); highest first, ties by key
     * ascending (channel ids numerically, emoji in Unicode code point order, which is the UTF-8 byte
     * order both databases compare strings in); at most {@code limit}; zero totals omitted. Other
     * kinds are rejected with {@link IllegalArgumentException}.
     */
    List<KeyCount> totals(BucketKind kind, long guildId, Counter counter, TimeWindow window, int limit);
}
