package io.serverpulse.interactions.http;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Interaction ids already answered, remembered for as long as a signed request with them could still be
 * accepted (the timestamp window, either way, plus a margin): Discord never sends an id twice, so a second
 * request with one is a replay of a captured request and is refused. Bounded: at most {@code capacity} ids;
 * past that the oldest are forgotten first (then a replay older than the newest {@code capacity} requests
 * would pass — at Discord's rates for one bot process, far more than a window holds). Thread-safe.
 */
public final class ReplayGuard {

    /** About 8 MB at most; more interactions than one process answers in ten minutes. */
    public static final int DEFAULT_CAPACITY = 100_000;

    private final long windowNanos;
    private final int capacity;
    private final LongSupplier nanoTime;
    /** Id → when it was first seen, oldest first. */
    private final LinkedHashMap<Long, Long> seen = new LinkedHashMap<>();

    public ReplayGuard(Duration window, int capacity, LongSupplier nanoTime) {
        if (window.isNegative() || window.isZero() || capacity < 1) {
            throw new IllegalArgumentException("a positive window and capacity are required");
        }
        this.windowNanos = window.toNanos();
        this.capacity = capacity;
        this.nanoTime = nanoTime;
    }

    /** For requests whose timestamp may be {@code maxAge} off either way: remembers ids for twice that, plus a minute. */
    public static ReplayGuard forMaxAge(Duration maxAge) {
        return new ReplayGuard(maxAge.multipliedBy(2).plusMinutes(1), DEFAULT_CAPACITY, System::nanoTime);
    }

    /** True the first time an id is seen (within the window); false for a replay. Id 0 (unknown) is always first. */
    public boolean firstTime(long id) {
        if (id == 0) {
            return true;
        }
        long now = nanoTime.getAsLong();
        synchronized (seen) {
            expire(now);
            if (seen.containsKey(id)) {
                return false;
            }
            seen.put(id, now);
            if (seen.size() > capacity) {
                Iterator<Long> oldest = seen.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
            return true;
        }
    }

    private void expire(long now) {
        Iterator<Map.Entry<Long, Long>> entries = seen.entrySet().iterator();
        while (entries.hasNext()) {
            if (now - entries.next().getValue() < windowNanos) {
                return;
            }
            entries.remove();
        }
    }
}
