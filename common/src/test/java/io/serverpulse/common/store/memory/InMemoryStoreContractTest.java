package io.serverpulse.common.store.memory;

import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.retention.RetentionPolicy;
import io.serverpulse.common.store.Store;
import io.serverpulse.common.store.StoreException;
import io.serverpulse.common.store.contract.StoreContract;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/** The in-memory fake passes the same contract as the real adapters. */
class InMemoryStoreContractTest extends StoreContract {

    @Override
    protected Store createStore(RetentionPolicy policy) {
        return new InMemoryStore(java.time.Clock.systemUTC(), policy);
    }

    /** The same maps: a view of {@code store} whose {@code close} leaves it open. */
    @Override
    protected Store openSameDatabase(Store store) {
        return (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Like a broken unordered bulk: a prefix of the batch lands under its id, then the write fails. */
    @Override
    protected void applyInterrupted(Store store, MetricBatch batch, int failAfterIncrements) {
        ((InMemoryStore) store).applyPrefix(batch, failAfterIncrements);
        throw new StoreException("simulated: connection lost after " + failAfterIncrements + " increments");
    }
}
