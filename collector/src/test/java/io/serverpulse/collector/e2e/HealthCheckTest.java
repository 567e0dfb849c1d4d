package io.serverpulse.collector.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.serverpulse.collector.app.Collector;
import io.serverpulse.collector.health.HealthProbe;
import io.serverpulse.collector.health.HealthServer;
import io.serverpulse.collector.support.GatewayProgress;
import io.serverpulse.collector.support.Lockstep;
import io.serverpulse.collector.support.TcpProxy;
import io.serverpulse.collector.support.TestBots;
import io.serverpulse.common.config.EnvSource;
import io.serverpulse.common.store.Store;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.sim.Scenarios;
import io.serverpulse.emulator.sim.SimulatedClock;
import io.serverpulse.emulator.sim.SimulatedCommunity;
import io.serverpulse.store.mongodb.MongoStore;
import io.serverpulse.store.mongodb.MongoStores;
import io.serverpulse.store.sqlite.SqliteStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector's health endpoint against the emulator, asked over HTTP and with the probe a container's health check
 * runs: not ready while starting; ready once its shard is connected and its metric writes succeed; not ready while the
 * store fails its flush (the SQLite file locked by another connection, the MongoDB stand-in unreachable), and ready
 * again once a retry succeeds; not ready when the gateway is gone.
 */
class HealthCheckTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final SimulatedCommunity sim = Scenarios.small(21);
    private final SimulatedClock clock = new SimulatedClock(sim.start());
    private final GatewayProgress progress = new GatewayProgress();
    private final HttpClient client = HttpClient.newHttpClient();
    private HealthServer health;

    @BeforeEach
    void listen() throws Exception {
        health = HealthServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterEach
    void close() {
        health.close();
    }

    /** Starts a collector on {@code store} with the health endpoint serving it; returns once it answered "ready". */
    private Collector start(DiscordEmulator discord, Store store) throws Exception {
        TestBots.whitelist(store, sim);
        // (before the collector runs, the endpoint says it is starting, and the probe fails)
        assertThat(get().body()).isEqualTo("not ready: starting\n");
        assertThat(probe()).isEqualTo("1 not ready: starting");
        Collector collector = TestBots.collector(discord, TestBots.config(discord, Map.of()), store, clock, progress).start();
        health.serve(collector::readiness);
        awaitHealth(200, "ready");
        return collector;
    }

    /** Plays events [from, to) of the simulation in lockstep with the collector. */
    private void play(DiscordEmulator discord, int from, int to) throws InterruptedException {
        new Lockstep(discord, clock, progress).play(sim.events().subList(from, to));
    }

    private HttpResponse<String> get() throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + health.address().getPort() + HealthServer.PATH);
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What the container health check prints, after its exit status. */
    private String probe() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = HealthProbe.probe(EnvSource.of(Map.of("COLLECTOR_HEALTH_PORT", String.valueOf(health.address().getPort()))),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return status + " " + out.toString(StandardCharsets.UTF_8).strip();
    }

    private HttpResponse<String> awaitHealth(int status, String bodyStart) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        HttpResponse<String> response = get();
        while (response.statusCode() != status || !response.body().startsWith(bodyStart)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + WAIT + " for " + status + " " + bodyStart + "; last answer: "
                        + response.statusCode() + " " + response.body());
            }
            Thread.sleep(50);
            response = get();
        }
        return response;
    }

    @Test
    void aLockedSqliteFileMakesTheCollectorNotReadyUntilItsWriteSucceeds() throws Exception {
        Path file = dir.resolve(SqliteStore.FILE_NAME);
        try (DiscordEmulator discord = TestBots.emulator(sim);
             SqliteStore store = SqliteStore.open(dir, SqliteStore.Options.defaults().withBusyTimeout(Duration.ofMillis(100)));
             Connection other = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            // GIVEN a connected collector whose first events were written
            Collector collector = start(discord, store);
            play(discord, 0, 150);
            collector.flushNow();
            assertThat(collector.flushStats().lastSuccessfulFlush()).isNotNull();
            assertThat(collector.flushStats().eventsWritten()).isPositive();
            assertThat(get().statusCode()).isEqualTo(200);
            assertThat(probe()).isEqualTo("0 ready");

            // WHEN another connection holds the file's write lock while events go on
            Statement locker = other.createStatement();
            locker.execute("BEGIN EXCLUSIVE");
            play(discord, 150, 300);

            // THEN not ready, saying the last metric write failed; the probe fails
            awaitHealth(503, "not ready: the last metric write failed, retrying (last success: ");
            assertThat(probe()).startsWith("1 not ready: the last metric write failed");

            // AND once the lock is released and a retry wrote the batch, ready again
            locker.execute("ROLLBACK");
            awaitHealth(200, "ready");
            assertThat(collector.shutdown().complete()).isTrue();
        }
    }

    @Test
    void anUnreachableMongoDbMakesTheCollectorNotReadyUntilItsWriteSucceeds() throws Exception {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        try (TcpProxy proxy = new TcpProxy(mongo.getLocalAddress().getPort()); DiscordEmulator discord = TestBots.emulator(sim);
             MongoStore store = MongoStores.connect("mongodb://127.0.0.1:" + proxy.port()
                     + "/serverpulse?socketTimeoutMS=1000&connectTimeoutMS=1000", Duration.ofSeconds(1))) {
            // GIVEN a connected collector writing to MongoDB (the stand-in) through a proxy
            Collector collector = start(discord, store);
            play(discord, 0, 150);
            collector.flushNow();
            assertThat(collector.flushStats().lastSuccessfulFlush()).isNotNull();
            assertThat(get().body()).isEqualTo("ready\n");

            // WHEN the database becomes unreachable while events go on
            proxy.cut();
            play(discord, 150, 300);

            // THEN not ready; and ready again once it is back and the batch was written
            awaitHealth(503, "not ready: the last metric write failed, retrying");
            assertThat(probe()).startsWith("1 not ready: the last metric write failed");
            proxy.restore();
            awaitHealth(200, "ready");
            assertThat(probe()).isEqualTo("0 ready");
            assertThat(collector.shutdown().complete()).isTrue();
        } finally {
            mongo.shutdownNow();
        }
    }

    @Test
    void aGatewayThatIsGoneMakesTheCollectorNotReady() throws Exception {
        try (SqliteStore store = SqliteStore.open(dir)) {
            DiscordEmulator discord = TestBots.emulator(sim);
            Collector collector;
            try {
                // GIVEN a connected, ready collector
                collector = start(discord, store);
                play(discord, 0, 50);
            } finally {
                // WHEN Discord's gateway goes away (and stays away)
                discord.close();
            }
            // THEN not ready, naming the shard that is not connected
            HttpResponse<String> response = awaitHealth(503, "not ready: 0 of 1 shards connected (shard 0 ");
            assertThat(response.body()).doesNotContain("CONNECTED)");
            assertThat(probe()).startsWith("1 not ready: 0 of 1 shards connected");
            collector.shutdown();
        }
    }
}
