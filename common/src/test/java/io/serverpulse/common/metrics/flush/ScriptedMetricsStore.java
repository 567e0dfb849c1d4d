package io.serverpulse.common.metrics.flush;

import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.BucketRow;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.Increment;
import io.serverpulse.common.metrics.KeyCount;
import io.serverpulse.common.metrics.LeaderboardQuery;
import io.serverpulse.common.metrics.MemberCount;
import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.metrics.MetricsStore;
import io.serverpulse.common.metrics.TimeWindow;
import io.serverpulse.common.store.StoreException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A purpose-built {@link MetricsStore} for the flusher's tests: it keeps bucket totals, honours the
 * port's idempotency per batch id (as both real adapters must), and can be scripted to be down or to
 * time out after having applied a batch. Only {@link #apply} is used by the code under test.
 */
final class ScriptedMetricsStore implements MetricsStore {

    private final Map<BucketKey, EnumMap<Counter, Long>> totals = new HashMap<>();
    private final Set<String> appliedBatchIds = new HashSet<>();
    private final List<String> attempts = new ArrayList<>();
    private final List<Instant> attemptTimes = new ArrayList<>();
    private final Clock clock;
    private boolean down;
    private int failNext;
    private int timeoutAfterApplyNext;
    private RuntimeException unexpectedNext;

    ScriptedMetricsStore(Clock clock) {
        this.clock = clock;
    }

    /** The next apply throws {@code e} (not a StoreException) before writing. */
    synchronized void throwNext(RuntimeException e) {
        unexpectedNext = e;
    }

    /** While down, every apply throws before writing. */
    synchronized void setDown(boolean value) {
        down = value;
    }

    /** The next {@code n} applies throw before writing. */
    synchronized void failNext(int n) {
        failNext = n;
    }

    /** The next {@code n} applies write, then throw as if the answer had timed out. */
    synchronized void timeOutAfterApplyingNext(int n) {
        timeoutAfterApplyNext = n;
    }

    @Override
    public synchronized void apply(MetricBatch batch) {
        attempts.add(batch.batchId());
        attemptTimes.add(clock.instant());
        if (unexpectedNext != null) {
            RuntimeException e = unexpectedNext;
            unexpectedNext = null;
            throw e;
        }
        if (down) {
            throw new StoreException("connection refused");
        }
        if (failNext > 0) {
            failNext--;
            throw new StoreException("connection reset");
        }
        if (appliedBatchIds.add(batch.batchId())) {
            for (Increment increment : batch.increments()) {
                EnumMap<Counter, Long> row = totals.computeIfAbsent(increment.key(), k -> new EnumMap<>(Counter.class));
                increment.deltas().forEach((counter, delta) -> row.merge(counter, delta, Long::sum));
            }
        }
        if (timeoutAfterApplyNext > 0) {
            timeoutAfterApplyNext--;
            throw new StoreException("timed out waiting for the write acknowledgement");
        }
    }

    synchronized long total(BucketKey key, Counter counter) {
        return totals.getOrDefault(key, new EnumMap<>(Counter.class)).getOrDefault(counter, 0L);
    }

    /** The sum of {@code counter} over every bucket of {@code kind}. */
    synchronized long sum(BucketKind kind, Counter counter) {
        return totals.entrySet().stream().filter(e -> e.getKey().kind() == kind)
                .mapToLong(e -> e.getValue().getOrDefault(counter, 0L)).sum();
    }

    /** Every batch id handed to apply, in order, failed attempts included. */
    synchronized List<String> attempts() {
        return List.copyOf(attempts);
    }

    /** When each attempt happened, by the test's clock. */
    synchronized List<Instant> attemptTimes() {
        return List.copyOf(attemptTimes);
    }

    synchronized int appliedBatches() {
        return appliedBatchIds.size();
    }

    @Override
    public List<MemberCount> topMembers(LeaderboardQuery query) {
        throw new UnsupportedOperationException("not needed by the flusher tests");
    }

    @Override
    public List<BucketRow> buckets(BucketKind kind, long guildId, Long channelId, Long memberId, TimeWindow window) {
        throw new UnsupportedOperationException("not needed by the flusher tests");
    }

    @Override
    public List<KeyCount> totals(BucketKind kind, long guildId, Counter counter, TimeWindow window, int limit) {
        throw new UnsupportedOperationException("not needed by the flusher tests");
    }
}
