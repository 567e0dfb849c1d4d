package io.serverpulse.emulator.sim;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock that shows simulated time: the bot under test reads it instead of the system clock, so
 * that "now", hour buckets and leaderboard windows follow the timeline being replayed. Only moves
 * forward. Thread-safe.
 */
public final class SimulatedClock extends Clock {

    private volatile Instant now;

    public SimulatedClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /** Moves the clock to {@code at}; an earlier instant leaves it where it is. */
    public synchronized void advanceTo(Instant at) {
        if (at.isAfter(now)) {
            now = at;
        }
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** Always UTC: the bot's buckets are UTC. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
