package io.serverpulse.interactions.http;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Logs a burst of the same event once, not once per event: the first event of a burst is logged (WARN) with
 * what it was, the rest are counted, and when no event came for {@link #quiet} the burst is over and one line
 * says how many there were and for how long ({@link #tick()}, or at the start of the next burst). Thread-safe.
 */
public final class BurstLog {

    public static final Duration DEFAULT_QUIET = Duration.ofSeconds(10);

    private final Logger log;
    private final String what;
    private final long quietNanos;
    private final LongSupplier nanoTime;
    private long count;
    private long firstAt;
    private long lastAt;

    /** @param what the event, as a noun phrase for the log ("connections refused over the per-address limit") */
    public BurstLog(Logger log, String what, Duration quiet, LongSupplier nanoTime) {
        this.log = Objects.requireNonNull(log, "log");
        this.what = Objects.requireNonNull(what, "what");
        this.quietNanos = quiet.toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    public BurstLog(Logger log, String what) {
        this(log, what, DEFAULT_QUIET, System::nanoTime);
    }

    /** One more event; {@code detail} (e.g. the address) is logged only for the first of a burst. */
    public void record(String detail) {
        long now = nanoTime.getAsLong();
        boolean first;
        synchronized (this) {
            endIfQuiet(now);
            first = count == 0;
            if (first) {
                firstAt = now;
            }
            count++;
            lastAt = now;
        }
        if (first) {
            log.warn("{} ({}); further ones are counted and reported when they stop", capitalized(), detail);
        }
    }

    /** Reports a burst that has ended (call now and then). */
    public void tick() {
        long now = nanoTime.getAsLong();
        synchronized (this) {
            endIfQuiet(now);
        }
    }

    private void endIfQuiet(long now) {
        if (count > 0 && now - lastAt >= quietNanos) {
            log.warn("{}: {} in {} ms, now over", capitalized(), count, (lastAt - firstAt) / 1_000_000);
            count = 0;
        }
    }

    private String capitalized() {
        return what.isEmpty() ? what : Character.toUpperCase(what.charAt(0)) + what.substring(1);
    }
}
