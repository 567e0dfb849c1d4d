package io.serverpulse.store.mongodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.connection.ClusterSettings;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.MetricBatch;
import io.serverpulse.common.store.StoreException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Connecting, describing, failing: what an operator sees when MONGODB_URI is right, wrong, or down. */
class MongoStoreConnectionTest {

    private static final String SECRET = "s3cr3t-P4ss";

    @Test
    void describe_shows_scheme_hosts_and_database_but_no_credentials_or_options() {
        // GIVEN connection strings with a user, a password and options that may hold secrets
        ConnectionString plain = new ConnectionString("mongodb://alice:" + SECRET + "@db1.example.net:27017,db2.example.net:27018/"
                + "analytics?authSource=admin&tlsCertificateKeyFilePassword=" + SECRET);
        ConnectionString srv = new ConnectionString("mongodb+srv://alice:" + SECRET + "@cluster0.abcde.mongodb.net/?retryWrites=true");

        // WHEN they are described
        String plainText = MongoConnections.describe(ClusterSettings.builder().applyConnectionString(plain).build(), "analytics");
        String srvText = MongoConnections.describe(ClusterSettings.builder().applyConnectionString(srv).build(), "serverpulse");

        // THEN only where the data lives is shown
        assertThat(plainText).isEqualTo("mongodb://db1.example.net:27017,db2.example.net:27018/analytics");
        assertThat(srvText).isEqualTo("mongodb+srv://cluster0.abcde.mongodb.net/serverpulse");
    }

    @Test
    void connect_takes_the_database_from_the_uri_path_or_defaults_to_serverpulse() {
        try (MongoStandIn standIn = new MongoStandIn()) {
            // GIVEN a reachable server, addressed with and without a database and with options
            String port = standIn.uri().substring(standIn.uri().lastIndexOf(':') + 1);

            // WHEN stores connect to it
            try (MongoStore byDefault = MongoStores.connect(standIn.uri() + "/?appName=serverpulse");
                 MongoStore named = MongoStores.connect(standIn.uri() + "/analytics?serverSelectionTimeoutMS=3000")) {

                // THEN they are healthy and describe host and database only
                assertThat(byDefault.healthy()).isTrue();
                assertThat(byDefault.describe()).isEqualTo("mongodb://127.0.0.1:" + port + "/serverpulse");
                assertThat(named.describe()).isEqualTo("mongodb://127.0.0.1:" + port + "/analytics");
                assertThat(standIn.client().getDatabase("analytics").listCollectionNames().into(new ArrayList<>()))
                        .contains("hourly_metrics", "user_daily", "alerts");
            }
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // guards against a hang only; the failure comes after ~0.5 s
    void an_unreachable_server_fails_with_a_store_exception_that_shows_no_password() throws IOException {
        // GIVEN a port on 127.0.0.1 where nothing listens
        int closedPort = closedPort();
        String uri = "mongodb://alice:" + SECRET + "@127.0.0.1:" + closedPort + "/serverpulse";

        // WHEN a store connects with a short server-selection timeout
        // THEN it fails with a StoreException (not a hang, not a driver exception), without the password
        assertThatThrownBy(() -> MongoStores.connect(uri, Duration.ofMillis(500)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("mongodb://127.0.0.1:" + closedPort + "/serverpulse")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void a_malformed_uri_is_rejected_clearly_without_echoing_it() {
        // GIVEN a URI with a password but the wrong scheme, and an empty one
        // WHEN stores connect with them
        // THEN the error says what is wrong and does not repeat the password
        assertThatThrownBy(() -> MongoStores.connect("mongodb:/alice:" + SECRET + "@host"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid MongoDB connection string")
                .hasMessageNotContaining(SECRET)
                .hasNoCause();
        assertThatThrownBy(() -> MongoStores.connect(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MONGODB_URI is empty");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS) // guards against a hang only
    void a_server_that_goes_away_turns_writes_into_store_exceptions_and_health_into_false() {
        // GIVEN a store connected to a server that then dies
        MongoStandIn standIn = new MongoStandIn();
        try (MongoStore store = MongoStores.connect(standIn.uri() + "/serverpulse", Duration.ofMillis(500))) {
            assertThat(store.healthy()).isTrue();
            standIn.stop();
            MetricBatch batch = MetricBatch.builder("after-crash")
                    .add(BucketKey.channelHour(1L, 2L, Instant.parse("2026-11-23T10:00:00Z")), Counter.MESSAGES, 1)
                    .build();

            // WHEN the flusher writes, and the status command asks for health
            // THEN the write fails with a StoreException the caller can retry later, and the store is not healthy
            assertThatThrownBy(() -> store.apply(batch)).isInstanceOf(StoreException.class);
            assertThat(store.healthy()).isFalse();
        } finally {
            standIn.close();
        }
    }

    @Test
    void closing_the_store_closes_only_a_client_it_owns() {
        try (MongoStandIn standIn = new MongoStandIn()) {
            // GIVEN one store on a shared client and one that owns its client
            MongoClient owned = MongoClients.create(standIn.uri());
            MongoStore sharing = new MongoStore(standIn.client(), "shared");
            MongoStore owning = new MongoStore(owned, "owned", true);

            // WHEN both are closed
            sharing.close();
            owning.close();

            // THEN the shared client still works and the owned one is closed; neither store is healthy
            assertThat(standIn.client().getDatabase("shared").listCollectionNames().into(new ArrayList<>())).isNotEmpty();
            assertThatThrownBy(() -> owned.getDatabase("owned").listCollectionNames().into(new ArrayList<>()))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(sharing.healthy()).isFalse();
            assertThat(owning.healthy()).isFalse();
        }
    }

    @Test
    void interactive_timeouts_send_max_time_with_queries_that_the_server_accepts() {
        try (MongoStandIn standIn = new MongoStandIn();
             MongoStore store = MongoStores.connect(standIn.uri() + "/interactive", MongoTimeouts.INTERACTIVE)) {
            // GIVEN a store with the interactive timeouts (every query carries maxTimeMS)
            MetricBatch batch = MetricBatch.builder("interactive")
                    .add(BucketKey.channelHour(1L, 2L, Instant.parse("2026-11-23T10:00:00Z")), Counter.MESSAGES, 3)
                    .build();

            // WHEN it writes and reads
            store.apply(batch);

            // THEN the server answered both (its indexes were created too)
            assertThat(store.buckets(io.serverpulse.common.metrics.BucketKind.CHANNEL_HOUR, 1L, 2L, null,
                    new io.serverpulse.common.metrics.TimeWindow(Instant.parse("2026-11-23T00:00:00Z"),
                            Instant.parse("2026-11-24T00:00:00Z")))).hasSize(1);
            assertThat(standIn.client().getDatabase("interactive").listCollectionNames().into(new ArrayList<>()))
                    .contains("hourly_metrics");
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // guards against a hang only
    void with_interactive_timeouts_a_server_that_accepts_but_never_answers_fails_within_seconds() throws IOException {
        // GIVEN a port that accepts connections and never answers (a hung database)
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread holder = new Thread(() -> {
                java.util.List<java.net.Socket> held = new ArrayList<>();
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept());
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            holder.setDaemon(true);
            holder.start();

            // WHEN a store connects with the interactive timeouts
            long started = System.nanoTime();
            assertThatThrownBy(() -> MongoStores.connect("mongodb://127.0.0.1:" + silent.getLocalPort() + "/hung",
                    MongoTimeouts.INTERACTIVE)).isInstanceOf(StoreException.class);

            // THEN it gave up after its server-selection timeout (2 s), not the driver's default 30 s
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
