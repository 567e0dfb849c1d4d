package io.serverpulse.common.retention;

import io.serverpulse.common.metrics.BucketKind;

/** The kinds of stored rows that expire, each kept from its own anchor time for its own retention. */
public enum ExpiryKind {
    /** Channel-hour, member-day and emoji-day buckets: from the bucket's start, for the metrics retention. */
    METRICS,
    /**
     * Member-hour buckets: from the bucket's start, for {@link BucketKind#MEMBER_HOUR_RETENTION} (they
     * only serve the exact 24-hour leaderboards), never longer than the metrics retention.
     */
    MEMBER_HOURS,
    /** Joins and leaves: from the event, for the metrics retention. */
    MEMBER_EVENTS,
    /** Alerts: from the incident's start, for the metrics retention. */
    ALERTS,
    /** AI summaries: from their creation, for the summary retention. */
    SUMMARIES,
    /** Cached leaderboards: from their computation, for the leaderboard retention. */
    LEADERBOARDS,
    /** The digest ledger's records (which period was posted where): from their claim, for the metrics retention. */
    DIGESTS;

    public static ExpiryKind of(BucketKind kind) {
        return kind == BucketKind.MEMBER_HOUR ? MEMBER_HOURS : METRICS;
    }
}
