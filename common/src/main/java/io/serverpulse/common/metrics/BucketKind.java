package io.serverpulse.common.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The pre-aggregated buckets. Reads only ever touch these rows, so their cost grows with active
 * members, channels and hours, never with the number of messages.
 *
 * <ul>
 *   <li>{@link #CHANNEL_HOUR} ({@code hourly_metrics}): per guild, channel and UTC hour. Guild-wide
 *       counters (joins, leaves) use channel {@link BucketKey#GUILD_WIDE}.</li>
 *   <li>{@link #MEMBER_HOUR} ({@code user_hourly}): per guild, channel and member and UTC hour;
 *       channel {@link BucketKey#ALL_CHANNELS} holds the member's guild-wide total. Short-lived:
 *       it only serves the exact "last 24 hours" leaderboards.</li>
 *   <li>{@link #MEMBER_DAY} ({@code user_daily}): per guild, channel and member and UTC day; channel
 *       {@link BucketKey#ALL_CHANNELS} holds the guild-wide total.</li>
 *   <li>{@link #EMOJI_DAY} ({@code emoji_daily}): per guild, emoji and UTC day.</li>
 * </ul>
 */
public enum BucketKind {
    CHANNEL_HOUR("hourly_metrics", ChronoUnit.HOURS),
    MEMBER_HOUR("user_hourly", ChronoUnit.HOURS),
    MEMBER_DAY("user_daily", ChronoUnit.DAYS),
    EMOJI_DAY("emoji_daily", ChronoUnit.DAYS);

    /** How long {@link #MEMBER_HOUR} rows are kept whatever the guild's retention: they only serve 24h. */
    public static final Duration MEMBER_HOUR_RETENTION = Duration.ofHours(49);

    private final String collection;
    private final ChronoUnit unit;

    BucketKind(String collection, ChronoUnit unit) {
        this.collection = collection;
        this.unit = unit;
    }

    /** The collection (MongoDB) or table (SQLite) holding this kind of bucket. */
    public String collection() {
        return collection;
    }

    public ChronoUnit unit() {
        return unit;
    }

    /** The start of the bucket containing {@code at} (UTC). */
    public Instant truncate(Instant at) {
        return at.truncatedTo(unit);
    }
}
