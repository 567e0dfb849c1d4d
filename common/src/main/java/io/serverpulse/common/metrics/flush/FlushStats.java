package io.serverpulse.common.metrics.flush;

import java.time.Instant;

/**
 * A snapshot of a {@link MetricFlusher}'s counters, for {@code /serverpulse status}, logs and benchmarks.
 *
 * @param eventsRecorded events counted into the aggregator since start
 * @param eventsDropped events not counted: refused at the memory bound or after {@code close()}
 * @param eventsWritten events whose batch the store confirmed
 * @param batchesApplied batches the store confirmed
 * @param bucketsWritten bucket increments in those batches
 * @param retries write attempts of a batch after its first attempt
 * @param failedAttempts write attempts that threw
 * @param pendingBatches batches cut and waiting to be written (the head is being retried)
 * @param pendingBuckets distinct buckets held in memory: in the aggregator and in pending batches
 * @param lastSuccessfulFlush when the store last confirmed a batch, or null if never
 * @param lastFailure the last write error's message, or null if the last attempt succeeded
 */
public record FlushStats(
        long eventsRecorded,
        long eventsDropped,
        long eventsWritten,
        long batchesApplied,
        long bucketsWritten,
        long retries,
        long failedAttempts,
        int pendingBatches,
        int pendingBuckets,
        Instant lastSuccessfulFlush,
        String lastFailure) {
}
