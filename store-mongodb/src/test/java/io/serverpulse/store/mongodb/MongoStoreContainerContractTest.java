package io.serverpulse.store.mongodb;

import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.store.Store;
import io.serverpulse.common.store.contract.StoreContract;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The storage contract against MongoStore on a real MongoDB 7, a fresh database per test; skipped where Docker is absent. */
@Testcontainers(disabledWithoutDocker = true)
class MongoStoreContainerContractTest extends StoreContract {

    @Override
    protected Store createStore() {
        return new MongoStore(MongoContainer.client(), MongoStandIn.freshDatabase());
    }

    @Override
    protected void applyInterrupted(Store store, MetricBatch batch, int failAfterIncrements) {
        MongoContract.applyInterrupted(store, batch, failAfterIncrements);
    }
}
