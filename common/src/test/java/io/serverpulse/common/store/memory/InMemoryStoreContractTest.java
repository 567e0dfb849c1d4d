package io.serverpulse.common.store.memory;

import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.store.Store;
import io.serverpulse.common.store.StoreException;
import io.serverpulse.common.store.contract.StoreContract;

/** The in-memory fake passes the same contract as the real adapters. */
class InMemoryStoreContractTest extends StoreContract {

    @Override
    protected Store createStore() {
        return new InMemoryStore();
    }

    /** Like a broken unordered bulk: a prefix of the batch lands under its id, then the write fails. */
    @Override
    protected void applyInterrupted(Store store, MetricBatch batch, int failAfterIncrements) {
        ((InMemoryStore) store).applyPrefix(batch, failAfterIncrements);
        throw new StoreException("simulated: connection lost after " + failAfterIncrements + " increments");
    }
}
