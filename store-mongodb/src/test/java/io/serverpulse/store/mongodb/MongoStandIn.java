package io.serverpulse.store.mongodb;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * mongo-java-server with its in-memory backend (reads made consistent as in MongoDB:
 * {@link SnapshotReadsBackend}), bound to 127.0.0.1 on a free port, spoken to by the real MongoDB
 * driver: the wire-protocol stand-in for a MongoDB that cannot be installed here.
 * Each {@link #freshDatabase()} is a new, empty database on the same server.
 */
final class MongoStandIn implements AutoCloseable {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final MongoServer server;
    private final MongoClient client;

    MongoStandIn() {
        server = new MongoServer(new SnapshotReadsBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri()))
                .applyToClusterSettings(b -> b.serverSelectionTimeout(10, TimeUnit.SECONDS))
                .build());
    }

    String uri() {
        InetSocketAddress address = server.getLocalAddress();
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    MongoClient client() {
        return client;
    }

    static String freshDatabase() {
        return "serverpulse_test_" + DATABASES.incrementAndGet();
    }

    /** A store on a new, empty database, sharing this client (closing the store leaves the client open). */
    MongoStore newStore() {
        return new MongoStore(client, freshDatabase());
    }

    /** As {@link #newStore()}, keeping rows as {@code policy} says. */
    MongoStore newStore(io.serverpulse.common.retention.RetentionPolicy policy) {
        return new MongoStore(client, freshDatabase(), false, policy);
    }

    /** Stops the server at once, as a crash would: clients see closed connections. */
    void stop() {
        server.shutdownNow();
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
