package io.serverpulse.store.sqlite;

import io.serverpulse.common.metrics.ActivityEvent.MessagePosted;
import io.serverpulse.common.metrics.MetricAggregator;
import io.serverpulse.common.metrics.MetricBatch;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Run in a child JVM by {@link SqliteStoreRestartTest}: applies batch after batch to the store in
 * {@code args[0]} and prints {@code applied <n>} after each commit, until it is killed.
 */
public final class CrashingWriter {

    static final long GUILD = 810_000_000_000_000_001L;
    static final long CHANNEL = 900_000_000_000_000_011L;
    static final long ALICE = 300;
    static final Instant AT = Instant.parse("2026-06-15T10:05:00Z");

    private CrashingWriter() {
    }

    /** Batch {@code i}: one message by Alice (shared buckets) and one by member {@code 1000 + i} (buckets of its own). */
    static MetricBatch batch(int i) {
        MetricAggregator aggregator = new MetricAggregator(() -> "crash-" + i);
        aggregator.add(new MessagePosted(GUILD, CHANNEL, ALICE, AT));
        aggregator.add(new MessagePosted(GUILD, CHANNEL, 1000 + i, AT));
        return aggregator.drain();
    }

    public static void main(String[] args) {
        SqliteStore store = SqliteStore.open(Path.of(args[0]));
        for (int i = 0; i < 1_000_000; i++) {
            store.apply(batch(i));
            System.out.println("applied " + (i + 1));
            System.out.flush();
        }
    }
}
