package io.serverpulse.interactions.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.serverpulse.common.commands.DeferredWork;
import io.serverpulse.common.commands.FollowUp;
import io.serverpulse.common.commands.InteractionHandler;
import io.serverpulse.common.config.EnvSource;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.common.crypto.Ed25519SignatureVerifier;
import io.serverpulse.common.store.Store;
import io.serverpulse.emulator.interactions.Entities;
import io.serverpulse.emulator.interactions.InteractionFactory;
import io.serverpulse.emulator.interactions.InteractionKeyPair;
import io.serverpulse.emulator.interactions.InteractionSigner;
import io.serverpulse.emulator.interactions.Invoker;
import io.serverpulse.emulator.interactions.SignedInteraction;
import io.serverpulse.emulator.interactions.SlashCommand;
import io.serverpulse.interactions.http.InteractionsEndpoint;
import io.serverpulse.interactions.local.LocalInteractionsServer;
import io.serverpulse.interactions.support.MongoStandIn;
import io.serverpulse.store.mongodb.MongoStore;
import io.serverpulse.store.sqlite.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Warm latency of {@code /topmessagers 30d} on a guild of 100,000 members with 90 days of data: the signed
 * interaction over HTTP (keep-alive) to the local server, verified, answered (the command reads the store
 * to decide, then defers: more than three members means a chart). Then the worker's part (the same read
 * plus the chart) measured on its own.
 *
 * <p>Not a test. Run by hand (see BENCHMARKS.md):
 * {@code java -Xmx6g -cp <test classpath> io.serverpulse.interactions.bench.TopMessagersBenchmark [warmup] [measured] [members] [days] [active share]}.
 * The store is SQLite by default ({@code -Dbench.store=sqlite}, a fresh file in a temporary directory); also
 * {@code mongodb} (with {@code -Dbench.mongodb=mongodb://…}), {@code mongo-standin} (small data only) or
 * {@code memory}.
 */
public final class TopMessagersBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TopMessagersBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int members = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        int days = args.length > 3 ? Integer.parseInt(args[3]) : 90;
        double activeShare = args.length > 4 ? Double.parseDouble(args[4]) : 0.04;
        System.out.printf("machine: %d cores, load average %.2f, java %s%n", Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), System.getProperty("java.version"));
        String kind = System.getProperty("bench.store", "sqlite");
        MongoStandIn standIn = null;
        Path sqliteDir = null;
        Store store;
        String described;
        switch (kind) {
            case "sqlite" -> {
                sqliteDir = Files.createTempDirectory("topmessagers-bench");
                store = SqliteStore.open(sqliteDir);
                described = "SQLite (the embedded store of the self-hosted mode, WAL, on this VM's disk)";
            }
            case "mongodb" -> {
                store = MongoStore.connect(System.getProperty("bench.mongodb"));
                described = "MongoDB";
            }
            case "mongo-standin" -> {
                // scans its collections on every upsert: usable for small data only (see MetricWriter)
                standIn = new MongoStandIn();
                store = MongoStore.connect(standIn.freshDatabaseUri());
                described = "MongoDB wire-protocol stand-in (mongo-java-server, in memory, same JVM)";
            }
            case "memory" -> {
                store = new io.serverpulse.common.store.memory.InMemoryStore();
                described = "InMemoryStore (the tests' fake: a hash map scanned per query, not a database)";
            }
            default -> throw new IllegalArgumentException("bench.store must be sqlite, mongodb, mongo-standin or memory");
        }
        try (Store open = store) {
            Instant now = Instant.now();
            BenchGuild.Loaded loaded = BenchGuild.load(open, now, members, days, 12, activeShare, 42);
            System.out.printf("store: %s (%s); loaded %,d members x %d days: %,d guild-wide member-days, %,d channel member-days, "
                            + "%,d channel-hours, %,d member-hours, %,d messages, in %d s%n",
                    described, open.describe(), members, days, loaded.memberDays(), loaded.channelMemberDays(), loaded.channelHours(),
                    loaded.memberHours(), loaded.messages(), loaded.took().toSeconds());
            run(open, warmup, measured);
        } finally {
            if (standIn != null) {
                standIn.close();
            }
            if (sqliteDir != null) {
                try (var files = Files.walk(sqliteDir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
    }

    private static void run(Store store, int warmup, int measured) throws Exception {
        InteractionKeyPair keys = InteractionKeyPair.generate();
        InteractionHandler handler = InteractionHandler.create(ServerPulseConfig.load(EnvSource.of(Map.of())), store);
        ConcurrentLinkedQueue<DeferredWork> deferred = new ConcurrentLinkedQueue<>();
        InteractionsEndpoint endpoint = new InteractionsEndpoint(new Ed25519SignatureVerifier(keys.publicKeyHex()), handler,
                deferred::add);
        try (LocalInteractionsServer server = LocalInteractionsServer.start(new InetSocketAddress("127.0.0.1", 0), endpoint, 4)) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            InteractionSigner signer = new InteractionSigner(keys, Clock.systemUTC());
            InteractionFactory factory = new InteractionFactory(1_300_000_000_000_000_001L, Clock.systemUTC());
            Entities.Guild guild = new Entities.Guild(BenchGuild.GUILD, "en-US");
            Invoker member = new Invoker(guild, Entities.Channel.text(BenchGuild.FIRST_CHANNEL, "general", BenchGuild.GUILD),
                    Entities.Member.of(Entities.User.human(BenchGuild.FIRST_MEMBER + 7, "bench"), (1L << 10) | (1L << 11),
                            Instant.parse("2024-01-01T00:00:00Z")), "en-US", 0);
            SlashCommand command = SlashCommand.of(1L, "topmessagers", SlashCommand.Value.string("period", "30d"));
            List<Long> latencies = new ArrayList<>();
            for (int i = 0; i < warmup + measured; i++) {
                SignedInteraction signed = signer.sign(factory.slashCommand(member, command));
                HttpRequest.Builder request = HttpRequest.newBuilder(server.uri()).POST(HttpRequest.BodyPublishers.ofByteArray(signed.body()));
                signed.headers().forEach(request::header);
                HttpRequest built = request.build();
                long start = System.nanoTime();
                HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
                long took = System.nanoTime() - start;
                JsonNode answer = JSON.readTree(response.body());
                if (response.statusCode() != 200 || answer.path("type").asInt() != 5) {
                    throw new IllegalStateException("expected a DEFERRED answer, got " + response.statusCode() + " " + response.body());
                }
                if (i >= warmup) {
                    latencies.add(took);
                }
            }
            System.out.printf("/topmessagers 30d over HTTP, warm (after %d warm-up requests), one client, keep-alive: %s%n", warmup,
                    new Stats(latencies).summary());
            List<Long> reads = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                long start = System.nanoTime();
                io.serverpulse.common.commands.leaderboard.LeaderboardData.load(store, BenchGuild.GUILD,
                        io.serverpulse.common.metrics.BucketKey.ALL_CHANNELS, io.serverpulse.common.metrics.Period.LAST_30_DAYS, Instant.now());
                if (i >= 20) {
                    reads.add(System.nanoTime() - start);
                }
            }
            System.out.printf("of which the store read alone (top 10 + the period's total, in process): %s%n", new Stats(reads).summary());
            List<Long> pings = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                SignedInteraction signed = signer.sign(factory.ping());
                HttpRequest.Builder request = HttpRequest.newBuilder(server.uri()).POST(HttpRequest.BodyPublishers.ofByteArray(signed.body()));
                signed.headers().forEach(request::header);
                HttpRequest built = request.build();
                long start = System.nanoTime();
                http.send(built, HttpResponse.BodyHandlers.ofString());
                if (i >= 100) {
                    pings.add(System.nanoTime() - start);
                }
            }
            System.out.printf("for comparison, a PING over the same connection (HTTP + signature check, no store): %s%n",
                    new Stats(pings).summary());
            List<Long> worker = new ArrayList<>();
            DeferredWork work = deferred.peek();
            int chartBytes = 0;
            for (int i = 0; i < 25; i++) {
                long start = System.nanoTime();
                FollowUp followUp = handler.completeDeferred(work);
                worker.add(System.nanoTime() - start);
                chartBytes = followUp.files().isEmpty() ? 0 : followUp.files().get(0).size();
            }
            System.out.printf("worker: completeDeferred (same read + %,d-byte PNG chart), 25 runs: %s%n", chartBytes,
                    new Stats(worker.subList(5, worker.size())).summary());
        }
    }

}
