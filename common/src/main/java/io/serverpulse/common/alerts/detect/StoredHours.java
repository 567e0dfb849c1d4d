package io.serverpulse.common.alerts.detect;

import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.BucketRow;
import io.serverpulse.common.metrics.Counter;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A guild's stored whole hours before a time, as the baselines are warmed from them
 * ({@link AlertDetector#seedBaselines}): per hour from the earliest one that has a row, the joins
 * (guild-wide rows) and the voice seconds (every channel's rows).
 */
record StoredHours(long firstHour, long[] joins, long[] voiceSeconds) {

    static final long HOUR = Duration.ofHours(1).toMillis();

    /**
     * The hours of the 24 h before {@code until} (a whole hour) in the guild's
     * {@link BucketKind#CHANNEL_HOUR} rows, from the earliest hour with a row; null if none has one.
     * Rows outside the range are ignored.
     *
     * @throws IllegalArgumentException if {@code until} is not a whole hour, or a row is not a channel-hour row of the guild
     */
    static StoredHours from(long guildId, List<BucketRow> channelHourRows, Instant until) {
        long end = until.toEpochMilli();
        if (Math.floorMod(end, HOUR) != 0) {
            throw new IllegalArgumentException("until must be a whole hour: " + until);
        }
        int hours = (int) (DetectorOptions.BASELINE_SPAN.toMillis() / HOUR);
        long from = end - hours * HOUR;
        long[] joins = new long[hours];
        long[] voiceSeconds = new long[hours];
        int earliest = hours;
        for (BucketRow row : channelHourRows) {
            if (row.key().kind() != BucketKind.CHANNEL_HOUR || row.key().guildId() != guildId) {
                throw new IllegalArgumentException("baselines are seeded from the guild's CHANNEL_HOUR rows, not " + row.key());
            }
            long start = row.key().start().toEpochMilli();
            if (start < from || start >= end) {
                continue;
            }
            int index = (int) ((start - from) / HOUR);
            earliest = Math.min(earliest, index);
            if (row.key().channelId() == BucketKey.GUILD_WIDE) {
                joins[index] += row.get(Counter.JOINS);
            }
            voiceSeconds[index] += row.get(Counter.VOICE_SECONDS);
        }
        if (earliest == hours) {
            return null;
        }
        return new StoredHours(from + earliest * HOUR, Arrays.copyOfRange(joins, earliest, hours),
                Arrays.copyOfRange(voiceSeconds, earliest, hours));
    }

    int count() {
        return joins.length;
    }

    /** The start of hour {@code i}. */
    long start(int i) {
        return firstHour + i * HOUR;
    }

    /** The end of the last hour. */
    long end() {
        return start(count());
    }
}
