package io.serverpulse.common.metrics;

import java.time.Instant;
import java.util.Objects;

/**
 * Identifies one pre-aggregated bucket. Fields a kind does not use are {@code 0} (ids) or
 * {@code ""} (emoji). {@link #id()} is a deterministic string, used as the document {@code _id} in
 * MongoDB, so that increments to one bucket always hit one document; SQLite's primary key is the
 * same fields as columns ({@code guild_id, channel_id, start, member_id, emoji}).
 */
public record BucketKey(BucketKind kind, long guildId, long channelId, long memberId, String emoji, Instant start) {

    /** Channel id of guild-wide counters in {@link BucketKind#CHANNEL_HOUR} (joins, leaves). */
    public static final long GUILD_WIDE = 0L;
    /** Channel id of a member's all-channel total in the member buckets. */
    public static final long ALL_CHANNELS = 0L;

    public BucketKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
        emoji = emoji == null ? "" : emoji;
        if (guildId <= 0) {
            throw new IllegalArgumentException("guildId must be a positive snowflake: " + guildId);
        }
        if (!kind.truncate(start).equals(start)) {
            throw new IllegalArgumentException(kind + " bucket must start on a " + kind.unit() + " boundary: " + start);
        }
        switch (kind) {
            case CHANNEL_HOUR -> {
                if (memberId != 0 || !emoji.isEmpty()) {
                    throw new IllegalArgumentException("CHANNEL_HOUR has no member or emoji");
                }
            }
            case MEMBER_HOUR, MEMBER_DAY -> {
                if (memberId <= 0 || !emoji.isEmpty()) {
                    throw new IllegalArgumentException(kind + " needs a member and no emoji");
                }
            }
            case EMOJI_DAY -> {
                if (emoji.isEmpty() || memberId != 0 || channelId != 0) {
                    throw new IllegalArgumentException("EMOJI_DAY needs an emoji and no member or channel");
                }
            }
        }
    }

    public static BucketKey channelHour(long guildId, long channelId, Instant at) {
        return new BucketKey(BucketKind.CHANNEL_HOUR, guildId, channelId, 0, "", BucketKind.CHANNEL_HOUR.truncate(at));
    }

    public static BucketKey memberHour(long guildId, long channelId, long memberId, Instant at) {
        return new BucketKey(BucketKind.MEMBER_HOUR, guildId, channelId, memberId, "", BucketKind.MEMBER_HOUR.truncate(at));
    }

    public static BucketKey memberDay(long guildId, long channelId, long memberId, Instant at) {
        return new BucketKey(BucketKind.MEMBER_DAY, guildId, channelId, memberId, "", BucketKind.MEMBER_DAY.truncate(at));
    }

    public static BucketKey emojiDay(long guildId, String emoji, Instant at) {
        return new BucketKey(BucketKind.EMOJI_DAY, guildId, 0, 0, emoji, BucketKind.EMOJI_DAY.truncate(at));
    }

    /** Deterministic row id, e.g. {@code 123:456:0::1764288000}. */
    public String id() {
        return guildId + ":" + channelId + ":" + memberId + ":" + emoji + ":" + start.getEpochSecond();
    }
}
