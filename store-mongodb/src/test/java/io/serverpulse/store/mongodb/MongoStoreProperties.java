package io.serverpulse.store.mongodb;

import io.serverpulse.common.store.Store;
import io.serverpulse.common.store.contract.StoreContractProperties;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** The property-based half of the contract against MongoStore on mongo-java-server, a fresh database per try. */
class MongoStoreProperties extends StoreContractProperties {

    private static MongoStandIn standIn;

    @BeforeContainer
    static void startStandIn() {
        standIn = new MongoStandIn();
    }

    @AfterContainer
    static void stopStandIn() {
        standIn.close();
    }

    @Override
    protected Store createStore() {
        return standIn.newStore();
    }
}
