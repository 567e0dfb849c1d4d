package io.serverpulse.store.mongodb;

import io.serverpulse.common.store.Store;
import io.serverpulse.common.store.contract.StoreContractProperties;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The property-based half of the contract against MongoStore on mongo-java-server, a fresh database per try. */
class MongoStoreProperties extends StoreContractProperties {

    @RegisterExtension
    static final SharedStandIn MONGO = new SharedStandIn();

    @Override
    protected Store createStore() {
        return MONGO.get().newStore();
    }
}
