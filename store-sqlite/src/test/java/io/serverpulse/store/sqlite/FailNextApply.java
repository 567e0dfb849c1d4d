package io.serverpulse.store.sqlite;

import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.store.StoreException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fault hook the SQLite tests open a store with ({@link SqliteStore.Options#withFaultHook}):
 * once armed, the next {@code apply} of a non-empty batch dies before write number {@code index}
 * (an increment, or with {@code index == size} the batch id), so its transaction is rolled back.
 */
final class FailNextApply implements ApplyFaultHook {

    private static final int OFF = -1;

    private final AtomicInteger failAt = new AtomicInteger(OFF);

    /** The next apply fails after writing {@code increments} increments of its batch (before the batch id and the commit). */
    void arm(int increments) {
        failAt.set(increments);
    }

    @Override
    public void beforeWrite(MetricBatch batch, int index) {
        if (failAt.compareAndSet(index, OFF)) {
            throw new StoreException("simulated failure before increment " + index + " (test fault hook)");
        }
        if (index == batch.size()) {
            failAt.set(OFF); // armed beyond this batch's writes: it applies no further than its own apply
        }
    }
}
