package io.serverpulse.common.store.memory;

import io.serverpulse.common.store.Store;
import io.serverpulse.common.store.contract.StoreContractProperties;

/** The in-memory fake passes the property-based half of the contract. */
class InMemoryStoreProperties extends StoreContractProperties {

    @Override
    protected Store createStore() {
        return new InMemoryStore();
    }
}
