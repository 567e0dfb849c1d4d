package io.serverpulse.common.metrics.flush;

import io.serverpulse.common.metrics.MetricBatch;
import java.util.List;

/**
 * What {@link MetricFlusher#close()} could not write before its deadline, and what was dropped
 * during the run. {@code unwritten} holds the batches themselves, ids included, so a caller could
 * still persist them elsewhere; a clean shutdown has none.
 *
 * @param unwritten batches the store never confirmed, oldest first
 * @param unwrittenEvents events in those batches
 * @param eventsDropped events dropped during the run (memory bound, or recorded after close)
 */
public record ShutdownReport(List<MetricBatch> unwritten, long unwrittenEvents, long eventsDropped) {

    public ShutdownReport {
        unwritten = List.copyOf(unwritten);
    }

    /** True when everything recorded was written and nothing was dropped. */
    public boolean complete() {
        return unwritten.isEmpty() && eventsDropped == 0;
    }

    public int unwrittenBuckets() {
        return unwritten.stream().mapToInt(MetricBatch::size).sum();
    }
}
