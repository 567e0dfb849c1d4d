package io.serverpulse.store.sqlite;

import io.serverpulse.common.metrics.MetricBatch;

/**
 * A point where a test can make {@link SqliteStore#apply} die part-way, given through
 * {@link SqliteStore.Options#faultHook()}. It is called inside the batch's transaction before
 * increment {@code index} is written ({@code 0 … size - 1}) and once more, with
 * {@code index == size}, before the batch id is recorded; a {@link RuntimeException} thrown from
 * it rolls the whole batch back, as a failing database would. An empty batch opens no transaction
 * and reaches no hook. Production runs {@link #NONE}.
 */
@FunctionalInterface
public interface ApplyFaultHook {

    /** Does nothing: every write goes ahead. */
    ApplyFaultHook NONE = (batch, index) -> { };

    void beforeWrite(MetricBatch batch, int index);
}
