package io.serverpulse.interactions.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.serverpulse.common.commands.Command;
import io.serverpulse.common.commands.CommandContext;
import io.serverpulse.common.commands.CommandRegistry;
import io.serverpulse.common.commands.DeferredWork;
import io.serverpulse.common.commands.FollowUp;
import io.serverpulse.common.commands.InteractionHandler;
import io.serverpulse.common.commands.InteractionOutcome;
import io.serverpulse.common.commands.InteractionResponse;
import io.serverpulse.common.commands.leaderboard.LeaderboardData;
import io.serverpulse.common.commands.registration.CommandDefinition;
import io.serverpulse.common.config.EnvSource;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.common.crypto.Ed25519SignatureVerifier;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.LeaderboardQuery;
import io.serverpulse.common.metrics.MemberCount;
import io.serverpulse.common.metrics.Period;
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
import io.serverpulse.store.mongodb.MongoStores;
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
 * to decide, then defers: more than three members means a chart). Old and new side by side in one run:
 * two local servers on the same store, one answering with the command as it was before issue 16 (the
 * plain aggregation, {@link BaselineTopMessagers}), one with this build's; requests go to them in turn.
 * Then the store read alone, old and new in turn, and the worker's part (the read plus the chart).
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
                store = MongoStores.connect(System.getProperty("bench.mongodb"));
                described = "MongoDB";
            }
            case "mongo-standin" -> {
                // scans its collections on every upsert: usable for small data only (see MetricWriter)
                standIn = new MongoStandIn();
                store = MongoStores.connect(standIn.freshDatabaseUri());
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
        InteractionHandler baseline = new InteractionHandler(store, new CommandRegistry(List.of(new BaselineTopMessagers())),
                Clock.systemUTC());
        ConcurrentLinkedQueue<DeferredWork> deferred = new ConcurrentLinkedQueue<>();
        Ed25519SignatureVerifier verifier = new Ed25519SignatureVerifier(keys.publicKeyHex());
        try (LocalInteractionsServer server = LocalInteractionsServer.start(new InetSocketAddress("127.0.0.1", 0),
                new InteractionsEndpoint(verifier, handler, deferred::add), 4);
             LocalInteractionsServer old = LocalInteractionsServer.start(new InetSocketAddress("127.0.0.1", 0),
                     new InteractionsEndpoint(verifier, baseline, work -> { }), 4)) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            InteractionSigner signer = new InteractionSigner(keys, Clock.systemUTC());
            InteractionFactory factory = new InteractionFactory(1_300_000_000_000_000_001L, Clock.systemUTC());
            Entities.Guild guild = new Entities.Guild(BenchGuild.GUILD, "en-US");
            Invoker member = new Invoker(guild, Entities.Channel.text(BenchGuild.FIRST_CHANNEL, "general", BenchGuild.GUILD),
                    Entities.Member.of(Entities.User.human(BenchGuild.FIRST_MEMBER + 7, "bench"), (1L << 10) | (1L << 11),
                            Instant.parse("2024-01-01T00:00:00Z")), "en-US", 0);
            SlashCommand command = SlashCommand.of(1L, "topmessagers", SlashCommand.Value.string("period", "30d"));
            List<Long> before = new ArrayList<>();
            List<Long> after = new ArrayList<>();
            // the two servers answer in turn, request by request, so that both see the same machine
            for (int i = 0; i < warmup + measured; i++) {
                long oldTook = topMessagers(http, old, signer.sign(factory.slashCommand(member, command)));
                long newTook = topMessagers(http, server, signer.sign(factory.slashCommand(member, command)));
                if (i >= warmup) {
                    before.add(oldTook);
                    after.add(newTook);
                }
            }
            System.out.printf("/topmessagers 30d over HTTP, warm (after %d warm-up requests each), one client, keep-alive, "
                    + "old and new in turn:%n  old (plain aggregation of the period): %s%n  new (settled days kept, last two read live): %s%n",
                    warmup, new Stats(before).summary(), new Stats(after).summary());
            List<Long> oldReads = new ArrayList<>();
            List<Long> newReads = new ArrayList<>();
            for (int i = 0; i < 220; i++) {
                long start = System.nanoTime();
                BaselineTopMessagers.read(store, BenchGuild.GUILD, Instant.now());
                long oldTook = System.nanoTime() - start;
                start = System.nanoTime();
                LeaderboardData.load(store, BenchGuild.GUILD, BucketKey.ALL_CHANNELS, Period.LAST_30_DAYS, Instant.now());
                long newTook = System.nanoTime() - start;
                if (i >= 20) {
                    oldReads.add(oldTook);
                    newReads.add(newTook);
                }
            }
            System.out.printf("the store read alone (top 10 + the period's total, in process), in turn:%n  old: %s%n  new: %s%n",
                    new Stats(oldReads).summary(), new Stats(newReads).summary());
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
            System.out.printf("worker (new): completeDeferred (same read + %,d-byte PNG chart), 25 runs: %s%n", chartBytes,
                    new Stats(worker.subList(5, worker.size())).summary());
        }
    }

    /** Sends one signed /topmessagers, checks it was answered DEFERRED, returns how long it took. */
    private static long topMessagers(HttpClient http, LocalInteractionsServer server, SignedInteraction signed) throws Exception {
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
        return took;
    }

    /**
     * {@code /topmessagers} as it was before issue 16, for the side-by-side run: the command read the
     * period's top 10 and total by the plain aggregation (every member-day row of the period, and
     * every channel-hour row), then deferred (more than three members: a chart).
     */
    static final class BaselineTopMessagers implements Command {

        static LeaderboardQuery read(Store store, long guildId, Instant now) {
            LeaderboardQuery query = LeaderboardQuery.messages(guildId, BucketKey.ALL_CHANNELS, Period.LAST_30_DAYS, now, 10);
            List<MemberCount> entries = store.topMembers(query);
            store.totals(BucketKind.CHANNEL_HOUR, guildId, Counter.MESSAGES, query.window(), 1000);
            return entries.size() < 3 ? null : query;
        }

        @Override
        public CommandDefinition definition() {
            return CommandDefinition.everyone("topmessagers");
        }

        @Override
        public InteractionOutcome execute(CommandContext context) {
            if (read(context.store(), context.guildId(), context.now()) == null) {
                throw new IllegalStateException("the bench guild has more than three members");
            }
            return new InteractionOutcome.Defer(InteractionResponse.deferred(false),
                    context.deferredWork("topmessagers", Map.of("period", "30d")));
        }
    }
}
