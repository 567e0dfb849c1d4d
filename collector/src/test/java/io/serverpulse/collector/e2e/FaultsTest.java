package io.serverpulse.collector.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.serverpulse.collector.app.Collector;
import io.serverpulse.collector.app.CollectorBuilder;
import io.serverpulse.collector.support.Buckets;
import io.serverpulse.collector.support.GatewayProgress;
import io.serverpulse.collector.support.Lockstep;
import io.serverpulse.collector.support.TcpProxy;
import io.serverpulse.collector.support.TestBots;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.BucketRow;
import io.serverpulse.common.metrics.flush.FlushStats;
import io.serverpulse.common.metrics.flush.ShutdownReport;
import io.serverpulse.common.store.Store;
import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.sim.Scenarios;
import io.serverpulse.emulator.sim.SimulatedClock;
import io.serverpulse.emulator.sim.SimulatedCommunity;
import io.serverpulse.emulator.timeline.TimelineEvent;
import io.serverpulse.store.mongodb.MongoStore;
import io.serverpulse.store.mongodb.MongoStores;
import io.serverpulse.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.SessionResumeEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults during a run, each ending with exactly the ground truth in the database: a dropped gateway
 * connection (JDA resumes and the missed dispatches are replayed), MongoDB unreachable for part of
 * the run, the SQLite file locked by another connection, and a write that reached MongoDB but whose
 * answer was lost (the flusher retries it with the same batch id).
 */
class FaultsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int FAULT_FROM = 150;
    private static final int FAULT_UNTIL = 400;

    @TempDir
    Path dir;

    private final SimulatedCommunity sim = Scenarios.small(21);
    private final long guildId = sim.community().guildId();
    private final SimulatedClock clock = new SimulatedClock(sim.start());
    private final GatewayProgress progress = new GatewayProgress();

    /** A fault to inject before the event with a given index is played. */
    @FunctionalInterface
    interface Step {
        void run(Collector collector) throws Exception;
    }

    /** Plays the whole simulation in lockstep, running the steps at their event indexes; shuts down at the end. */
    private Collector run(DiscordEmulator discord, Store store, Map<Integer, Step> steps, Object... listeners) throws Exception {
        TestBots.whitelist(store, sim);
        CollectorBuilder builder = TestBots.collector(discord, TestBots.config(discord, Map.of()), store, clock, progress);
        for (Object listener : listeners) {
            builder.listener(listener);
        }
        Collector collector = builder.start();
        TestBots.awaitReady(collector);
        new Lockstep(discord, clock, progress).play(sim.events(), i -> {
            Step step = steps.get(i);
            if (step != null) {
                try {
                    step.run(collector);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        clock.advanceTo(sim.end());
        ShutdownReport report = collector.shutdown();
        assertThat(report.complete()).as("everything written, nothing dropped").isTrue();
        return collector;
    }

    private void assertExactlyTheGroundTruth(Store store) {
        assertThat(Buckets.differences(Buckets.stored(store, guildId), Buckets.ofGuild(sim.groundTruth().buckets(), guildId)))
                .isEmpty();
        long joinsAndLeaves = sim.events().stream()
                .filter(e -> e instanceof TimelineEvent.MemberAdd || e instanceof TimelineEvent.MemberRemove).count();
        assertThat(store.memberEvents(guildId, Buckets.ALL_TIME)).hasSize((int) joinsAndLeaves);
    }

    @Test
    void aDroppedGatewayConnectionIsResumedAndCountsStayExact() throws Exception {
        AtomicInteger readies = new AtomicInteger();
        AtomicInteger resumes = new AtomicInteger();
        ListenerAdapter sessions = new ListenerAdapter() {
            @Override
            public void onReady(ReadyEvent event) {
                readies.incrementAndGet();
            }

            @Override
            public void onSessionResume(SessionResumeEvent event) {
                resumes.incrementAndGet();
            }
        };
        try (DiscordEmulator discord = TestBots.emulator(sim); SqliteStore store = SqliteStore.open(dir)) {
            // GIVEN a collector connected to the gateway
            // WHEN its connection drops without a close frame halfway through the two days
            run(discord, store, Map.of(300, collector -> discord.forceDisconnect(discord.sessions().get(0))), sessions);

            // THEN JDA resumed the same session (no second READY) and the stored counts are exact
            assertThat(resumes.get()).isGreaterThanOrEqualTo(1);
            assertThat(readies.get()).isEqualTo(1);
            assertExactlyTheGroundTruth(store);
        }
    }

    @Test
    void mongoDbUnreachableForPartOfTheRunLosesAndDuplicatesNothing() throws Exception {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        int port = mongo.getLocalAddress().getPort();
        try (TcpProxy proxy = new TcpProxy(port); DiscordEmulator discord = TestBots.emulator(sim);
             MongoStore store = MongoStores.connect(uri(proxy.port()), Duration.ofSeconds(1))) {
            // GIVEN a collector writing to MongoDB through a proxy
            Map<Integer, Step> steps = new HashMap<>();
            // WHEN the database becomes unreachable for a part of the run (at least two flushes fail)
            steps.put(FAULT_FROM, collector -> proxy.cut());
            steps.put(FAULT_UNTIL, collector -> {
                awaitStats(collector, s -> s.failedAttempts() >= 2, "two failed flushes");
                proxy.restore();
            });
            Collector collector = run(discord, store, steps);

            // THEN the counting went on, the batches were retried, and MongoDB holds exactly the truth
            FlushStats stats = collector.flushStats();
            assertThat(stats.failedAttempts()).isGreaterThanOrEqualTo(2);
            assertThat(stats.retries()).isGreaterThanOrEqualTo(1);
            assertThat(stats.eventsDropped()).isZero();
            assertExactlyTheGroundTruth(store);
        } finally {
            mongo.shutdownNow();
        }
    }

    @Test
    void aSqliteFileLockedByAnotherConnectionDelaysWritesWithoutLosingAny() throws Exception {
        Path file = dir.resolve(SqliteStore.FILE_NAME);
        try (DiscordEmulator discord = TestBots.emulator(sim);
             SqliteStore store = SqliteStore.open(dir, SqliteStore.Options.defaults().withBusyTimeout(Duration.ofMillis(100)));
             Connection other = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            // GIVEN a collector writing to SQLite, and another process's connection to the same file
            Statement locker = other.createStatement();
            Map<Integer, Step> steps = new HashMap<>();
            // WHEN that connection holds the write lock for part of the run (at least two flushes fail)
            steps.put(FAULT_FROM, collector -> locker.execute("BEGIN EXCLUSIVE"));
            steps.put(FAULT_UNTIL, collector -> {
                awaitStats(collector, s -> s.failedAttempts() >= 2, "two failed flushes");
                locker.execute("ROLLBACK");
            });
            Collector collector = run(discord, store, steps);

            // THEN the writes were retried once the lock was released, and the file holds exactly the truth
            assertThat(collector.flushStats().failedAttempts()).isGreaterThanOrEqualTo(2);
            assertThat(collector.flushStats().eventsDropped()).isZero();
            assertExactlyTheGroundTruth(store);
        }
    }

    @Test
    void aFlushThatReachedMongoDbButTimedOutIsRetriedWithoutCountingTwice() throws Exception {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        int port = mongo.getLocalAddress().getPort();
        long[] before = new long[1];
        try (TcpProxy proxy = new TcpProxy(port); DiscordEmulator discord = TestBots.emulator(sim);
             MongoStore store = MongoStores.connect(uri(proxy.port()), Duration.ofSeconds(1));
             MongoStore direct = MongoStores.connect("mongodb://127.0.0.1:" + port + "/serverpulse")) {
            // GIVEN a collector writing to MongoDB through a proxy, everything so far written
            Map<Integer, Step> steps = new HashMap<>();
            steps.put(FAULT_FROM, collector -> {
                collector.flushNow();
                before[0] = counted(direct);
                // WHEN MongoDB's answers are lost: writes are applied but time out for the collector
                proxy.swallowWriteReplies();
            });
            steps.put(FAULT_UNTIL, collector -> {
                awaitStats(collector, s -> s.failedAttempts() >= 1, "a timed-out flush");
                // (the write did reach the database although the collector saw a timeout)
                assertThat(counted(direct)).isGreaterThan(before[0]);
                proxy.restore();
            });
            Collector collector = run(discord, store, steps);

            // THEN the batch was written again with its id, and nothing was counted twice
            assertThat(proxy.swallowedBytes()).isPositive();
            assertThat(collector.flushStats().retries()).isGreaterThanOrEqualTo(1);
            assertExactlyTheGroundTruth(store);
        } finally {
            mongo.shutdownNow();
        }
    }

    /** Every counter of every channel-hour bucket of the guild, summed, read around the proxy. */
    private long counted(MongoStore direct) {
        long sum = 0;
        for (BucketRow row : direct.buckets(BucketKind.CHANNEL_HOUR, guildId, null, null, Buckets.ALL_TIME)) {
            sum += row.counters().values().stream().mapToLong(Long::longValue).sum();
        }
        return sum;
    }

    private static String uri(int port) {
        return "mongodb://127.0.0.1:" + port + "/serverpulse?socketTimeoutMS=1000&connectTimeoutMS=1000";
    }

    private static void awaitStats(Collector collector, Predicate<FlushStats> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.test(collector.flushStats())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + WAIT + " for " + what + ": " + collector.flushStats());
            }
            Thread.sleep(20);
        }
    }
}
