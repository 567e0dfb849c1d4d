package io.serverpulse.collector.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

/** Everything a MongoDB server holds, as text, for tests that prove something was never stored. */
public final class MongoDump {

    private MongoDump() {
    }

    /** Every document of every collection of every database at {@code uri}, one line each, after its collection's name. */
    public static String everyDocument(String uri) {
        StringBuilder everything = new StringBuilder();
        try (MongoClient client = MongoClients.create(uri)) {
            for (String name : client.listDatabaseNames()) {
                MongoDatabase database = client.getDatabase(name);
                for (String collection : database.listCollectionNames()) {
                    for (Document document : database.getCollection(collection).find()) {
                        everything.append(collection).append(' ').append(document.toJson()).append('\n');
                    }
                }
            }
        }
        return everything.toString();
    }
}
