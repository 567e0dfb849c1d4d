package io.serverpulse.store.mongodb;

import com.mongodb.client.MongoClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The adapter's own behaviour against mongo-java-server (in memory), spoken to by the real driver. */
class MongoStoreOnStandInTest extends MongoStoreBehaviour {

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
    MongoClient client() {
        return standIn.client();
    }
}
