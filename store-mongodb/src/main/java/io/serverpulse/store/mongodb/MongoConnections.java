package io.serverpulse.store.mongodb;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.connection.ClusterSettings;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * How {@link MongoStores#connect} reads a connection string, applies its {@link MongoTimeouts} and
 * describes the database without secrets.
 */
final class MongoConnections {

    /** A client made for a connection string, the database it names, and the index-creation timeout (or null). */
    record Opened(MongoClient client, String databaseName, Duration indexTimeout) {
    }

    private MongoConnections() {
    }

    /** A client with these timeouts; the URI's {@code socketTimeoutMS} and {@code timeoutMS}, and its selection and connect timeouts if {@code uriSelectionWins}, take precedence. */
    static Opened open(ConnectionString connection, MongoTimeouts timeouts, boolean uriSelectionWins) {
        long selection = uriSelectionWins && connection.getServerSelectionTimeout() != null
                ? connection.getServerSelectionTimeout() : timeouts.serverSelection().toMillis();
        long connect = connection.getConnectTimeout() != null && uriSelectionWins
                ? connection.getConnectTimeout() : timeouts.connect().toMillis();
        long read = connection.getSocketTimeout() != null ? connection.getSocketTimeout() : timeouts.socketRead().toMillis();
        Long operation = connection.getTimeout() != null ? connection.getTimeout()
                : timeouts.operation().map(Duration::toMillis).orElse(null);
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(connection)
                .applyToClusterSettings(b -> b.serverSelectionTimeout(selection, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(b -> b.connectTimeout((int) Math.min(connect, Integer.MAX_VALUE), TimeUnit.MILLISECONDS)
                        .readTimeout(read, TimeUnit.MILLISECONDS));
        if (operation != null) {
            settings.timeout(operation, TimeUnit.MILLISECONDS);
        }
        String databaseName = connection.getDatabase() == null || connection.getDatabase().isBlank()
                ? MongoStore.DEFAULT_DATABASE : connection.getDatabase();
        return new Opened(MongoClients.create(settings.build()), databaseName, operation == null ? null : timeouts.indexCreation());
    }

    static ConnectionString parse(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("MONGODB_URI is empty");
        }
        try {
            return new ConnectionString(uri.trim());
        } catch (IllegalArgumentException e) {
            // the driver's message may quote the URI, password included: keep it out of logs
            throw new IllegalArgumentException("MONGODB_URI is not a valid MongoDB connection string "
                    + "(mongodb://host[:port][/database][?options] or mongodb+srv://host[/database][?options])");
        }
    }

    /** Scheme, hosts and database only: never user, password or options (which may hold secrets too). */
    static String describe(ClusterSettings cluster, String databaseName) {
        if (cluster.getSrvHost() != null) {
            return "mongodb+srv://" + cluster.getSrvHost() + "/" + databaseName;
        }
        return "mongodb://" + cluster.getHosts().stream().map(ServerAddress::toString).collect(Collectors.joining(","))
                + "/" + databaseName;
    }
}
