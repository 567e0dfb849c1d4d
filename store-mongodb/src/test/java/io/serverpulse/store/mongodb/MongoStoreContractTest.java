package io.serverpulse.store.mongodb;

import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.store.Store;
import io.serverpulse.common.store.contract.StoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The storage contract against MongoStore on mongo-java-server (in memory), a fresh database per test. */
class MongoStoreContractTest extends StoreContract {

    @RegisterExtension
    static final SharedStandIn MONGO = new SharedStandIn();

    @Override
    protected Store createStore() {
        return MONGO.get().newStore();
    }

    @Override
    protected void applyInterrupted(Store store, MetricBatch batch, int failAfterIncrements) {
        MongoContract.applyInterrupted(store, batch, failAfterIncrements);
    }
}
