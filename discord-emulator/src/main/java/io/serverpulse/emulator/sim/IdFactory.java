package io.serverpulse.emulator.sim;

import io.serverpulse.common.discord.Snowflake;
import java.time.Instant;

/** Hands out snowflakes for instants; a running sequence keeps ids of the same millisecond apart. */
final class IdFactory {

    private static final long SEQUENCE_MASK = (1L << 22) - 1;

    private long sequence;

    long next(Instant at) {
        return Snowflake.of(at, sequence++ & SEQUENCE_MASK);
    }
}
