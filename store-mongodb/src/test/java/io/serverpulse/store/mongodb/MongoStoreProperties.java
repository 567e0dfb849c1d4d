package io.serverpulse.store.mongodb;

import io.serverpulse.common.store.Store;
import io.serverpulse.common.store.contract.StoreContractProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The property-based half of the contract against MongoStore on mongo-java-server, a fresh database per try. */
class MongoStoreProperties extends StoreContractProperties {

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
}
