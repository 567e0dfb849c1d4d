package io.serverpulse.store.mongodb;

import com.mongodb.client.MongoClient;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The adapter's own behaviour against a real MongoDB 7; skipped where Docker is absent. */
@Testcontainers(disabledWithoutDocker = true)
class MongoStoreOnMongoContainerTest extends MongoStoreBehaviour {

    @Override
    MongoClient client() {
        return MongoContainer.client();
    }
}
