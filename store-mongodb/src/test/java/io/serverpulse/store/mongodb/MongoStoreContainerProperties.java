package io.serverpulse.store.mongodb;

import io.serverpulse.common.store.Store;
import io.serverpulse.common.store.contract.StoreContractProperties;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The property-based half of the contract against MongoStore on a real MongoDB 7, a fresh database
 * per try; skipped where Docker is absent.
 */
@Testcontainers(disabledWithoutDocker = true)
class MongoStoreContainerProperties extends StoreContractProperties {

    @Override
    protected Store createStore() {
        return new MongoStore(MongoContainer.client(), MongoStandIn.freshDatabase());
    }
}
