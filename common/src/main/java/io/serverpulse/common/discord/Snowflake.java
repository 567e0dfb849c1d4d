package io.serverpulse.common.discord;

import java.time.Instant;

/**
 * Discord ids (snowflakes): milliseconds since the Discord epoch in the top 42 bits, then worker,
 * process and increment. Ids are positive and fit a signed long for the next century.
 */
public final class Snowflake {

    /** 2015-01-01T00:00:00Z, the first second of Discord's epoch. */
    public static final long DISCORD_EPOCH_MILLIS = 1_420_070_400_000L;

    private Snowflake() {
    }

    public static Instant timestamp(long snowflake) {
        return Instant.ofEpochMilli((snowflake >>> 22) + DISCORD_EPOCH_MILLIS);
    }

    /** A snowflake for {@code at}; {@code sequence} (0..4_194_303) tells ids of the same millisecond apart. */
    public static long of(Instant at, long sequence) {
        long millis = at.toEpochMilli() - DISCORD_EPOCH_MILLIS;
        if (millis < 0) {
            throw new IllegalArgumentException("before the Discord epoch: " + at);
        }
        if (sequence < 0 || sequence >= (1L << 22)) {
            throw new IllegalArgumentException("sequence out of range: " + sequence);
        }
        return (millis << 22) | sequence;
    }

    /** Parses a snowflake as Discord sends it (a decimal string); throws {@link NumberFormatException} if it is not one. */
    public static long parse(String value) {
        long id = Long.parseUnsignedLong(value.trim());
        if (id <= 0) {
            throw new NumberFormatException("not a snowflake: " + value);
        }
        return id;
    }
}
