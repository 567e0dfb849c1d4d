package io.serverpulse.emulator.state;

import java.time.Instant;

/**
 * The emulator's simulated "now" (not {@code sim.SimulatedClock}, the {@link java.time.Clock} a
 * test moves by hand). Before any timeline is played it is the wall clock. Playback sets it to each
 * event's simulated time; between two events it runs on at wall-clock speed, so a reply the bot
 * sends right after an event gets a timestamp just after that event.
 */
public final class EmulatorTime {

    private Instant base;
    private long baseNanos;

    public synchronized Instant now() {
        if (base == null) {
            return Instant.now();
        }
        return base.plusNanos(System.nanoTime() - baseNanos);
    }

    /** Moves simulated time to {@code at}. */
    public synchronized void set(Instant at) {
        base = at;
        baseNanos = System.nanoTime();
    }
}
