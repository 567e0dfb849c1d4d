package io.serverpulse.emulator.state;

import io.serverpulse.common.discord.Snowflake;

/**
 * Snowflakes for what the emulator creates (bot messages, channels, commands, interactions), in
 * simulated time. They carry worker id 31 in their low bits, so they cannot collide with
 * timeline ids made with {@code Snowflake.of(at, sequence)} for small sequences; ids only grow.
 */
public final class IdGenerator {

    private static final long WORKER_31 = 31L << 17;

    private final EmulatorTime clock;
    private long counter;
    private long last;

    public IdGenerator(EmulatorTime clock) {
        this.clock = clock;
    }

    public synchronized long next() {
        long candidate = Snowflake.of(clock.now(), WORKER_31 | (counter++ & 0x1FFFFL));
        if (candidate <= last) {
            candidate = last + 1;
        }
        last = candidate;
        return candidate;
    }
}
