package io.serverpulse.common.metrics;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** Counter deltas to add to one bucket. Deltas are positive; an increment with no deltas is invalid. */
public record Increment(BucketKey key, Map<Counter, Long> deltas) {

    public Increment {
        Objects.requireNonNull(key, "key");
        if (deltas == null || deltas.isEmpty()) {
            throw new IllegalArgumentException("an increment needs at least one counter");
        }
        EnumMap<Counter, Long> copy = new EnumMap<>(Counter.class);
        deltas.forEach((counter, delta) -> {
            if (delta == null || delta <= 0) {
                throw new IllegalArgumentException("delta for " + counter + " must be positive: " + delta);
            }
            copy.put(counter, delta);
        });
        deltas = Collections.unmodifiableMap(copy);
    }

    public long delta(Counter counter) {
        return deltas.getOrDefault(counter, 0L);
    }
}
