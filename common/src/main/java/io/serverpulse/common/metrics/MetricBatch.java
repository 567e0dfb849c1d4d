package io.serverpulse.common.metrics;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A set of increments written in one go. The {@link #batchId()} makes the write idempotent: a store
 * that is handed the same batch twice (a retry after a timeout, or after a partial failure) counts
 * every increment exactly once. At most one increment per bucket.
 */
public record MetricBatch(String batchId, List<Increment> increments) {

    public MetricBatch {
        Objects.requireNonNull(batchId, "batchId");
        if (batchId.isBlank() || batchId.length() > 64) {
            throw new IllegalArgumentException("batchId must be 1-64 characters");
        }
        increments = List.copyOf(increments);
        long distinct = increments.stream().map(Increment::key).distinct().count();
        if (distinct != increments.size()) {
            throw new IllegalArgumentException("a batch holds at most one increment per bucket");
        }
    }

    public boolean isEmpty() {
        return increments.isEmpty();
    }

    public int size() {
        return increments.size();
    }

    public static Builder builder() {
        return new Builder(UUID.randomUUID().toString());
    }

    public static Builder builder(String batchId) {
        return new Builder(batchId);
    }

    /** Merges increments to the same bucket, so a batch holds one row write per bucket. */
    public static final class Builder {
        private final String batchId;
        private final Map<BucketKey, EnumMap<Counter, Long>> deltas = new LinkedHashMap<>();

        private Builder(String batchId) {
            this.batchId = batchId;
        }

        public Builder add(BucketKey key, Counter counter, long delta) {
            if (delta <= 0) {
                throw new IllegalArgumentException("delta must be positive: " + delta);
            }
            deltas.computeIfAbsent(key, k -> new EnumMap<>(Counter.class)).merge(counter, delta, Long::sum);
            return this;
        }

        public Builder add(Increment increment) {
            increment.deltas().forEach((counter, delta) -> add(increment.key(), counter, delta));
            return this;
        }

        public boolean isEmpty() {
            return deltas.isEmpty();
        }

        /** Distinct buckets so far. */
        public int size() {
            return deltas.size();
        }

        public MetricBatch build() {
            List<Increment> list = new ArrayList<>(deltas.size());
            deltas.forEach((key, counters) -> list.add(new Increment(key, counters)));
            return new MetricBatch(batchId, list);
        }
    }
}
