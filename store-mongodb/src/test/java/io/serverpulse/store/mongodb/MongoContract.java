package io.serverpulse.store.mongodb;

import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.store.Store;
import io.serverpulse.common.store.StoreException;

/** What the MongoDB variants of the contract suite share. */
final class MongoContract {

    private MongoContract() {
    }

    /**
     * A broken unordered bulk: the first {@code failAfterIncrements} increments reach the database
     * under the batch's id, then the connection is lost and the caller sees an error.
     */
    static void applyInterrupted(Store store, MetricBatch batch, int failAfterIncrements) {
        int applied = Math.min(Math.max(failAfterIncrements, 0), batch.size());
        store.apply(new MetricBatch(batch.batchId(), batch.increments().subList(0, applied)));
        throw new StoreException("simulated: connection lost after " + applied + " of " + batch.size() + " increments");
    }
}
