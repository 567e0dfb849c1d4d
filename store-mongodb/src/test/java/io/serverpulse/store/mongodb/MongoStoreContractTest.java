package io.serverpulse.store.mongodb;

import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.store.Store;
import io.serverpulse.common.store.contract.StoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The storage contract against MongoStore on mongo-java-server (in memory), a fresh database per test. */
class MongoStoreContractTest extends StoreContract {

    private static MongoStandIn standIn;

    @BeforeAll
    static void startStandIn() {
        standIn = new MongoStandIn();
    }

    @AfterAll
    static void stopStandIn() {
        standIn.close();
    }

    @Override
    protected Store createStore() {
        return standIn.newStore();
    }

    @Override
    protected void applyInterrupted(Store store, MetricBatch batch, int failAfterIncrements) {
        MongoContract.applyInterrupted(store, batch, failAfterIncrements);
    }
}
