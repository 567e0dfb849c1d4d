package io.serverpulse.interactions.support;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.serverpulse.store.mongodb.MongoStore;
import io.serverpulse.store.mongodb.MongoStores;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * mongo-java-server (in-memory backend) on 127.0.0.1, spoken to by the real MongoDB driver through
 * {@link io.serverpulse.store.mongodb.MongoStores#connect(String)}: the wire-protocol stand-in for the MongoDB the AWS mode uses.
 */
public final class MongoStandIn implements AutoCloseable {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final MongoServer server = new MongoServer(new MemoryBackend());

    public MongoStandIn() {
        server.bind("127.0.0.1", 0);
    }

    /** The URI of a new, empty database on this server. */
    public String freshDatabaseUri() {
        InetSocketAddress address = server.getLocalAddress();
        return "mongodb://127.0.0.1:" + address.getPort() + "/interactions_test_" + DATABASES.incrementAndGet();
    }

    /** The port it listens on (127.0.0.1). */
    public int port() {
        return server.getLocalAddress().getPort();
    }

    /** A store on a new, empty database (closing it closes its own client). */
    public MongoStore freshStore() {
        return MongoStores.connect(freshDatabaseUri());
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
