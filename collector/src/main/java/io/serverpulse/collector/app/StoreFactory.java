package io.serverpulse.collector.app;

import io.serverpulse.common.config.DataDirectory;
import io.serverpulse.common.config.DeploymentMode;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.common.retention.RetentionPolicy;
import io.serverpulse.common.store.Store;
import io.serverpulse.store.mongodb.MongoStores;
import io.serverpulse.store.sqlite.SqliteStore;

/**
 * The store the configuration names: MongoDB when {@code MONGODB_URI} is set (always in the AWS mode), else SQLite under
 * {@code SERVERPULSE_DATA_DIR} (checked first: a directory this user cannot write is a configuration error naming it).
 */
final class StoreFactory {

    private StoreFactory() {
    }

    /** Opens the store; every row it writes expires as the configured default retention ({@code RETENTION_*}) says. */
    static Store open(ServerPulseConfig config) {
        RetentionPolicy policy = config.retentionPolicy();
        if (config.mode() == DeploymentMode.AWS) {
            return MongoStores.connect(config.requireMongoUri(), policy);
        }
        return config.mongoUri().<Store>map(uri -> MongoStores.connect(uri, policy))
                .orElseGet(() -> SqliteStore.open(DataDirectory.require(config), SqliteStore.Options.defaults().withRetention(policy)));
    }
}
