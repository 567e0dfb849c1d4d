package io.serverpulse.store.mongodb;

import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.retention.RetentionPolicy;
import io.serverpulse.common.store.Store;
import io.serverpulse.common.store.contract.StoreContract;
import com.mongodb.client.MongoClients;
import java.util.IdentityHashMap;
import java.util.Map;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The storage contract against MongoStore on a real MongoDB 7, a fresh database per test; skipped where Docker is absent. */
@Testcontainers(disabledWithoutDocker = true)
class MongoStoreContainerContractTest extends StoreContract {

    private final Map<Store, String> databases = new IdentityHashMap<>();

    @Override
    protected Store createStore(RetentionPolicy policy) {
        String database = MongoStandIn.freshDatabase();
        Store store = new MongoStore(MongoContainer.client(), database, false, policy);
        databases.put(store, database);
        return store;
    }

    /** A second store with a client of its own on the same database, as a second process would open it. */
    @Override
    protected Store openSameDatabase(Store store) {
        return new MongoStore(MongoClients.create(MongoContainer.uri()), databases.get(store), true);
    }

    @Override
    protected void applyInterrupted(Store store, MetricBatch batch, int failAfterIncrements) {
        MongoContract.applyInterrupted(store, batch, failAfterIncrements);
    }
}
