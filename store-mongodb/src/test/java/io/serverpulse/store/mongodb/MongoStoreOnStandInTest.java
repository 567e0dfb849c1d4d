package io.serverpulse.store.mongodb;

import com.mongodb.client.MongoClient;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The adapter's own behaviour against mongo-java-server (in memory), spoken to by the real driver. */
class MongoStoreOnStandInTest extends MongoStoreBehaviour {

    @RegisterExtension
    static final SharedStandIn MONGO = new SharedStandIn();

    @Override
    MongoClient client() {
        return MONGO.get().client();
    }
}
