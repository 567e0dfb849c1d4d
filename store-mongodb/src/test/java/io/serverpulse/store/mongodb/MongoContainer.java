package io.serverpulse.store.mongodb;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.concurrent.TimeUnit;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * One real MongoDB 7 (Testcontainers) shared by every container test class of the run, started on
 * first use. The classes using it are gated on Docker ({@code disabledWithoutDocker}), so where
 * there is no Docker engine (this machine, CI without Docker) they are skipped before this starts.
 */
final class MongoContainer {

    static final DockerImageName IMAGE = DockerImageName.parse("mongo:7");

    private static MongoDBContainer container;
    private static MongoClient client;

    private MongoContainer() {
    }

    /** A client connected to the shared container (started now if needed). */
    static synchronized MongoClient client() {
        if (client == null) {
            container = new MongoDBContainer(IMAGE);
            container.start();
            client = MongoClients.create(MongoClientSettings.builder()
                    .applyConnectionString(new ConnectionString(container.getConnectionString()))
                    .applyToClusterSettings(b -> b.serverSelectionTimeout(30, TimeUnit.SECONDS))
                    .build());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                client.close();
                container.stop();
            }));
        }
        return client;
    }

    /** The shared container's connection string (started now if needed), for a client of one's own. */
    static synchronized String uri() {
        client();
        return container.getConnectionString();
    }
}
