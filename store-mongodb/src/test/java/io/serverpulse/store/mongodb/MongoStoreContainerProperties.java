package io.serverpulse.store.mongodb;

import io.serverpulse.common.store.Store;
import io.serverpulse.common.store.contract.StoreContractProperties;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * The property-based half of the contract against MongoStore on a real MongoDB 7, a fresh database
 * per try. jqwik does not run JUnit Jupiter extensions, so the Docker gate is a jqwik hook here.
 */
@AddLifecycleHook(MongoStoreContainerProperties.SkipWithoutDocker.class)
class MongoStoreContainerProperties extends StoreContractProperties {

    @Override
    protected Store createStore() {
        return new MongoStore(MongoContainer.client(), MongoStandIn.freshDatabase());
    }

    /** Skips the container (and so every property in it) when there is no Docker engine. */
    public static final class SkipWithoutDocker implements SkipExecutionHook {

        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            return MongoContainer.dockerAvailable()
                    ? SkipResult.doNotSkip()
                    : SkipResult.skip("no Docker engine: the real-MongoDB properties did not run");
        }
    }
}
