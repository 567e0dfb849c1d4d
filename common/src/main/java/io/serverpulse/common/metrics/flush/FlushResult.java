package io.serverpulse.common.metrics.flush;

/**
 * What one {@link MetricFlusher#flush()} did.
 *
 * @param batchesApplied batches the store confirmed during this flush (retried ones included)
 * @param eventsApplied events in those batches
 * @param pendingBatches batches still waiting afterwards (0 when everything was written)
 * @param failed whether a write failed (the batch was kept and will be retried with its id)
 */
public record FlushResult(int batchesApplied, long eventsApplied, int pendingBatches, boolean failed) {
}
