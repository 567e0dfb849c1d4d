package io.serverpulse.common.metrics;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** One stored bucket with its totals, as read back (activity charts, exports). */
public record BucketRow(BucketKey key, Map<Counter, Long> counters) {

    public BucketRow {
        Objects.requireNonNull(key, "key");
        EnumMap<Counter, Long> copy = new EnumMap<>(Counter.class);
        counters.forEach((counter, value) -> {
            if (value != null && value != 0) {
                copy.put(counter, value);
            }
        });
        counters = Collections.unmodifiableMap(copy);
    }

    public long get(Counter counter) {
        return counters.getOrDefault(counter, 0L);
    }
}
