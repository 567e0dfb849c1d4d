package io.serverpulse.store.mongodb;

import com.mongodb.ConnectionString;
import io.serverpulse.common.retention.RetentionPolicy;
import java.time.Duration;
import java.util.Objects;

/** Opens a {@link MongoStore} from a connection string: checked, with the timeouts of its use, its indexes created. */
public final class MongoStores {

    private MongoStores() {
    }

    /**
     * Connects to the URI ({@code mongodb://} or {@code mongodb+srv://}) with the {@link MongoTimeouts#BACKGROUND}
     * timeouts; the database is the URI's path, {@link MongoStore#DEFAULT_DATABASE} when it has none.
     *
     * @throws IllegalArgumentException if the URI is not a MongoDB connection string
     * @throws StoreException if the database cannot be reached
     */
    public static MongoStore connect(String uri) {
        return connect(uri, MongoTimeouts.BACKGROUND, RetentionPolicy.STANDARD);
    }

    /** As {@link #connect(String)}, keeping rows as {@code policy} says (the configured default retention). */
    public static MongoStore connect(String uri, RetentionPolicy policy) {
        return connect(uri, MongoTimeouts.BACKGROUND, policy);
    }

    /** As {@link #connect(String)}, with this server-selection (and connect) timeout whatever the URI says. */
    public static MongoStore connect(String uri, Duration serverSelectionTimeout) {
        ConnectionString connection = MongoConnections.parse(uri);
        return connect(connection, MongoTimeouts.BACKGROUND.withServerSelection(serverSelectionTimeout), false,
                RetentionPolicy.STANDARD);
    }

    /**
     * Connects with these timeouts (see {@link MongoTimeouts}); the URI's {@code serverSelectionTimeoutMS},
     * {@code socketTimeoutMS} and {@code timeoutMS} take precedence. Creates the indexes before returning.
     *
     * @throws IllegalArgumentException if the URI is not a MongoDB connection string
     * @throws StoreException if the database cannot be reached
     */
    public static MongoStore connect(String uri, MongoTimeouts timeouts) {
        return connect(uri, timeouts, RetentionPolicy.STANDARD);
    }

    /** As {@link #connect(String, MongoTimeouts)}, keeping rows as {@code policy} says (the configured default retention). */
    public static MongoStore connect(String uri, MongoTimeouts timeouts, RetentionPolicy policy) {
        return connect(MongoConnections.parse(uri), Objects.requireNonNull(timeouts, "timeouts"), true, Objects.requireNonNull(policy, "policy"));
    }

    private static MongoStore connect(ConnectionString connection, MongoTimeouts timeouts, boolean uriSelectionWins,
                                      RetentionPolicy policy) {
        MongoConnections.Opened opened = MongoConnections.open(connection, timeouts, uriSelectionWins);
        return new MongoStore(opened.client(), opened.databaseName(), true, policy, opened.indexTimeout());
    }

    /**
     * Checks that the URI is a MongoDB connection string, without connecting.
     *
     * @throws IllegalArgumentException if it is not (the message never repeats the URI)
     */
    public static void checkUri(String uri) {
        MongoConnections.parse(uri);
    }
}
