package io.serverpulse.common.metrics.flush;

import io.serverpulse.common.metrics.MetricBatch;

/** A cut batch waiting to be confirmed by the store, with how many events it carries and how often it was tried. */
final class PendingBatch {

    final MetricBatch batch;
    final long events;
    int attempts;

    PendingBatch(MetricBatch batch, long events) {
        this.batch = batch;
        this.events = events;
    }
}
